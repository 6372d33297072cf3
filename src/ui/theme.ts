/**
 * The colour theme: Light, Dark or System (the browser's `prefers-color-scheme`), remembered per
 * browser under `dplab-theme`. The palettes are CSS custom properties in `theme.css`; this module only
 * sets `data-theme` on `<html>` (`light` or `dark` when the student chose one, none for System) and
 * tells the rest of the page (the code editor) when the theme it resolves to changes. It runs from
 * `main.ts` before the app renders, so the first paint already has the chosen theme (the page's CSP
 * allows no inline script).
 */
export type ThemeChoice = 'light' | 'dark' | 'system';
export type Theme = 'light' | 'dark';

const KEY = 'dplab-theme';
/** The event on `document` when the resolved theme may have changed; `detail` is the theme. */
export const THEME_EVENT = 'dp-themechange';

const darkQuery = typeof matchMedia === 'function' ? matchMedia('(prefers-color-scheme: dark)') : undefined;

export function themeChoice(): ThemeChoice {
  let stored: string | null = null;
  try {
    stored = localStorage.getItem(KEY);
  } catch {
    // Storage may be blocked; the theme follows the system.
  }
  return stored === 'light' || stored === 'dark' ? stored : 'system';
}

/** The theme the page shows now. */
export function currentTheme(): Theme {
  const choice = themeChoice();
  if (choice !== 'system') return choice;
  return darkQuery?.matches ? 'dark' : 'light';
}

function apply() {
  const choice = themeChoice();
  const root = document.documentElement;
  if (choice === 'system') delete root.dataset.theme;
  else root.dataset.theme = choice;
  document.dispatchEvent(new CustomEvent<Theme>(THEME_EVENT, { detail: currentTheme() }));
}

export function setThemeChoice(choice: ThemeChoice): void {
  try {
    if (choice === 'system') localStorage.removeItem(KEY);
    else localStorage.setItem(KEY, choice);
  } catch {
    // Not remembered, but still shown for this page.
  }
  apply();
}

apply();
darkQuery?.addEventListener('change', apply);
