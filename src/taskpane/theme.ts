/** The pane's theme: Office's own theme inside Office (dark when its body background is dark), the system's outside. */
import { type Theme, webLightTheme } from '@fluentui/react-components';

/** Relative luminance of a "#rrggbb" colour, 0 (black) to 1 (white). */
function luminance(hex: string): number | null {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex.trim());
  if (!m) return null;
  const [r, g, b] = m.slice(1).map((h) => parseInt(h, 16) / 255);
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function isDarkBackground(hex: string | undefined): boolean | null {
  const l = hex ? luminance(hex) : null;
  return l === null ? null : l < 0.5;
}

/** Whether the pane should be dark: Office's theme where the host reports one, else `prefers-color-scheme`. */
function prefersDark(): boolean {
  let dark: boolean | null = null;
  try {
    dark = isDarkBackground(typeof Office !== 'undefined' ? Office.context?.officeTheme?.bodyBackgroundColor : undefined);
  } catch {
    dark = null; // officeTheme throws on hosts without theme support
  }
  if (dark === null) dark = typeof matchMedia === 'function' && matchMedia('(prefers-color-scheme: dark)').matches;
  return dark;
}

/** The dark theme, loaded when first needed: the light pane's first paint does not carry both themes' tokens. */
let darkTheme: Theme | null = null;

/** Resolves once the theme the pane should have now is loaded (the entry waits for it before the first paint). */
export async function themeReady(): Promise<void> {
  if (prefersDark()) darkTheme ??= (await import(/* webpackExports: ["webDarkTheme"] */ '@fluentui/react-components')).webDarkTheme;
}

/** The pane's theme now; call after themeReady() (a dark theme not yet loaded shows as light). */
export function currentTheme(): Theme {
  return prefersDark() && darkTheme ? darkTheme : webLightTheme;
}

/**
 * Calls back when the theme may have changed, once it is loaded. Excel raises no theme event for a task pane, so the
 * Office theme is read again whenever the pane gets focus; outside Office the system's colour scheme has its own event.
 */
export function watchTheme(onChange: () => void): () => void {
  const changed = () => void themeReady().then(onChange);
  const media = typeof matchMedia === 'function' ? matchMedia('(prefers-color-scheme: dark)') : null;
  media?.addEventListener('change', changed);
  window.addEventListener('focus', changed);
  return () => {
    media?.removeEventListener('change', changed);
    window.removeEventListener('focus', changed);
  };
}
