import { createHash } from 'node:crypto';

/**
 * The only script on ordinary pages. It applies the reader's saved theme before the first
 * paint, so a dark-mode reader never sees a white flash, and handles the toggle button.
 * Kept as a string so the layout can allow exactly these bytes in the page's CSP by hash.
 */
export const THEME_SCRIPT = `(() => {
  const root = document.documentElement;
  const saved = localStorage.getItem('theme');
  if (saved === 'dark' || saved === 'light') root.dataset.theme = saved;
  const isDark = () => (root.dataset.theme ? root.dataset.theme === 'dark' : matchMedia('(prefers-color-scheme: dark)').matches);
  const show = () => {
    for (const button of document.querySelectorAll('.theme-toggle')) button.setAttribute('aria-pressed', String(isDark()));
  };
  document.addEventListener('DOMContentLoaded', show);
  document.addEventListener('click', (event) => {
    if (!(event.target instanceof Element) || !event.target.closest('.theme-toggle')) return;
    root.dataset.theme = isDark() ? 'light' : 'dark';
    localStorage.setItem('theme', root.dataset.theme);
    show();
  });
})();`;

/** CSP source expression for `script-src` that allows `THEME_SCRIPT` and nothing else. */
export const THEME_SCRIPT_HASH = `sha256-${createHash('sha256').update(THEME_SCRIPT).digest('base64')}` as const;
