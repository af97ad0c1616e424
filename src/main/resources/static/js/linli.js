// Linli pages work without JavaScript; this file only adds small conveniences.
document.addEventListener('DOMContentLoaded', () => {
  document.querySelectorAll('[data-confirm]').forEach((element) => {
    element.addEventListener('submit', (event) => {
      if (!window.confirm(element.dataset.confirm)) {
        event.preventDefault();
      }
    });
  });
});

// Live deadlines: [data-deadline] counts down (or up, once late) against the server's time, which the page gives
// in data-now so that a browser clock that is off does not mislead.
document.addEventListener('DOMContentLoaded', () => {
  const deadlines = document.querySelectorAll('[data-deadline]');
  if (deadlines.length === 0) {
    return;
  }
  const skew = Date.parse(deadlines[0].dataset.now) - Date.now();
  const pad = (n) => String(n).padStart(2, '0');
  const tick = () => {
    deadlines.forEach((element) => {
      const left = Date.parse(element.dataset.deadline) - (Date.now() + skew);
      const minutes = Math.floor(Math.abs(left) / 60000);
      const text = Math.floor(minutes / 60) + ':' + pad(minutes % 60);
      element.classList.toggle('late', left < 0);
      const countdown = element.querySelector('.countdown');
      if (countdown) {
        countdown.textContent = (left < 0 ? element.dataset.late : element.dataset.left) + ' ' + text;
      }
    });
  };
  tick();
  window.setInterval(tick, 30000);
});
