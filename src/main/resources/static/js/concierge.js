// The kitchen list prints with one button (inline handlers are not allowed by the content security policy).
document.addEventListener('DOMContentLoaded', () => {
  document.querySelectorAll('[data-print]').forEach((button) => button.addEventListener('click', () => window.print()));
});
