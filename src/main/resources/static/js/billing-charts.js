// Billing charts (ECharts, no animation): an element with data-chart="line|bar", data-labels and data-values
// separated by "|", values in percent, and an optional data-target line (percent) named by data-target-name.
document.addEventListener('DOMContentLoaded', () => {
  if (!window.echarts) {
    return;
  }
  document.querySelectorAll('[data-chart]').forEach((element) => {
    const labels = element.dataset.labels ? element.dataset.labels.split('|') : [];
    const values = element.dataset.values ? element.dataset.values.split('|').map(Number) : [];
    const target = element.dataset.target ? Number(element.dataset.target) : null;
    const chart = window.echarts.init(element);
    const series = { type: element.dataset.chart, name: element.dataset.name || '', data: values };
    if (target !== null) {
      series.markLine = { symbol: 'none', lineStyle: { type: 'dashed', color: '#1e7b34' },
        label: { formatter: (element.dataset.targetName || '') + ' ' + target + '%' }, data: [{ yAxis: target }] };
    }
    chart.setOption({
      animation: false,
      tooltip: { trigger: 'axis', valueFormatter: (v) => v + '%' },
      grid: { left: 50, right: 30, top: 30, bottom: labels.length > 8 ? 80 : 40 },
      xAxis: { type: 'category', data: labels, axisLabel: { rotate: labels.length > 8 ? 35 : 0 } },
      yAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
      color: ['#c0392b'],
      series: [series],
    });
    window.addEventListener('resize', () => chart.resize());
  });
});
