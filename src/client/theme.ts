/** Wires the theme button: flips data-theme on <html> between light and dark and stores the choice. */
const root = document.documentElement;
const dark = matchMedia('(prefers-color-scheme: dark)');
const current = () => root.dataset.theme ?? (dark.matches ? 'dark' : 'light');

for (const button of document.querySelectorAll<HTMLButtonElement>('[data-theme-toggle]')) {
  const text = button.querySelector('[data-theme-toggle-text]');
  const show = () => {
    const next = current() === 'dark' ? 'light' : 'dark';
    const word = next === 'dark' ? '深色' : '浅色';
    button.setAttribute('aria-label', `切换到${word}主题`);
    if (text) text.textContent = word;
  };
  button.addEventListener('click', () => {
    const next = current() === 'dark' ? 'light' : 'dark';
    root.dataset.theme = next;
    try {
      localStorage.setItem('theme', next);
    } catch {
      // Private modes may refuse storage; the switch still applies to this page.
    }
    show();
  });
  dark.addEventListener('change', show);
  show();
  button.hidden = false;
}
