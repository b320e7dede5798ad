/**
 * What the pane needs to know about where it runs, besides the document: the language
 * to start in and the theme to draw with. Two implementations: `officeEnvironment()`
 * (host/word/environment.ts, Office's display language and theme) and
 * `browserEnvironment()` below (the standalone page: the browser's language and
 * colour scheme). Only host/ knows where these facts come from.
 */
import { pickLanguage, type Lang } from '../i18n/strings';

export type ThemeName = 'light' | 'dark' | 'contrast';

export interface HostEnvironment {
  /** The language the pane starts in (Settings may override it). */
  readonly language: Lang;
  /** The theme to draw with now. */
  theme(): ThemeName;
  /** Calls `listener` when the theme may have changed; returns the unsubscribe. */
  onThemeChange(listener: () => void): () => void;
}

const media = (q: string): MediaQueryList | null => (typeof window.matchMedia === 'function' ? window.matchMedia(q) : null);

/** High contrast (forced colours) wins over any host theme. */
export function forcedColours(): boolean {
  return media('(forced-colors: active)')?.matches ?? false;
}

/** Subscribes to the OS colour scheme and forced colours (both hosts follow them). */
export function onColourSchemeChange(listener: () => void): () => void {
  const qs = ['(forced-colors: active)', '(prefers-color-scheme: dark)'].map(media).filter((m): m is MediaQueryList => m !== null);
  for (const q of qs) q.addEventListener?.('change', listener);
  return () => {
    for (const q of qs) q.removeEventListener?.('change', listener);
  };
}

/** The standalone page: the browser's language and colour scheme. */
export function browserEnvironment(): HostEnvironment {
  return {
    language: pickLanguage(navigator.language),
    theme: () => {
      if (forcedColours()) return 'contrast';
      return media('(prefers-color-scheme: dark)')?.matches ? 'dark' : 'light';
    },
    onThemeChange: onColourSchemeChange,
  };
}
