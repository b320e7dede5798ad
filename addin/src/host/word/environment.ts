/**
 * The task pane inside Office: waiting for Office.js, and Office's display language and
 * theme (the Office side of host/environment.ts). Loaded with the pane's entry, so it
 * stays small; WordHost itself is a separate chunk loaded only once Office is ready.
 */
import { paneLanguage } from '../../i18n/strings';
import { forcedColours, onColourSchemeChange, type HostEnvironment } from '../environment';

/** Whether Office.js is on the page (taskpane.html loads it; the standalone page does not). */
export function officeJsLoaded(): boolean {
  return typeof Office !== 'undefined';
}

/** Resolves once Office.js has initialised (Office.onReady). */
export function whenOfficeReady(): Promise<void> {
  return Office.onReady().then(() => undefined);
}

/** Whether a colour (#rrggbb) is dark by its perceived luminance. */
export function isDark(hex: string | undefined): boolean {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex ?? '');
  if (!m) return false;
  const [r, g, b] = [m[1], m[2], m[3]].map((x) => parseInt(x!, 16));
  return 0.299 * r! + 0.587 * g! + 0.114 * b! < 128;
}

/**
 * Office's display language (the browser's when Office.js reports no host, e.g.
 * taskpane.html opened in a browser) and Office's theme (its body background), high
 * contrast when the system forces colours. Call after whenOfficeReady().
 */
export function officeEnvironment(): HostEnvironment {
  return {
    language: paneLanguage(!!Office.context?.host, Office.context?.displayLanguage, navigator.language),
    theme: () => {
      if (forcedColours()) return 'contrast';
      const th = Office.context.officeTheme;
      return th && isDark(th.bodyBackgroundColor) ? 'dark' : 'light';
    },
    onThemeChange: onColourSchemeChange,
  };
}
