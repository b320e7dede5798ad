/**
 * @jest-environment jsdom
 *
 * Where the pane's starting language and theme come from: Office's display language and
 * theme inside Office (host/word/environment.ts), the browser's on the standalone page
 * (host/environment.ts); forced colours mean high contrast in both.
 */
import { browserEnvironment } from '../../../../../addin/src/host/environment';
import { isDark, officeEnvironment, officeJsLoaded } from '../../../../../addin/src/host/word/environment';

type Listener = () => void;

/** window.matchMedia answering `matches` per query, recording listeners. */
function stubMedia(matches: Record<string, boolean>) {
  const listeners = new Map<string, Set<Listener>>();
  window.matchMedia = ((q: string) => ({
    matches: !!matches[q],
    media: q,
    addEventListener: (_: string, l: Listener) => void (listeners.get(q) ?? listeners.set(q, new Set()).get(q)!).add(l),
    removeEventListener: (_: string, l: Listener) => void listeners.get(q)?.delete(l),
  })) as unknown as typeof window.matchMedia;
  return {
    fire: (q: string) => listeners.get(q)?.forEach((l) => l()),
    count: () => [...listeners.values()].reduce((n, s) => n + s.size, 0),
  };
}

function stubNavigatorLanguage(lang: string) {
  Object.defineProperty(window.navigator, 'language', { value: lang, configurable: true });
}

function stubOffice(context: { host?: string; displayLanguage?: string; officeTheme?: { bodyBackgroundColor: string } }) {
  (globalThis as { Office?: unknown }).Office = { context };
}

afterEach(() => {
  delete (globalThis as { Office?: unknown }).Office;
});

describe('browserEnvironment (standalone page)', () => {
  it("starts in the browser's language and follows its colour scheme, contrast when colours are forced", () => {
    stubNavigatorLanguage('ko-KR');
    stubMedia({ '(prefers-color-scheme: dark)': true });
    const env = browserEnvironment();
    expect(env.language).toBe('ko');
    expect(env.theme()).toBe('dark');
    stubMedia({ '(prefers-color-scheme: dark)': true, '(forced-colors: active)': true });
    expect(env.theme()).toBe('contrast');
    stubMedia({});
    expect(env.theme()).toBe('light');
    stubNavigatorLanguage('en-GB');
    expect(browserEnvironment().language).toBe('en');
  });

  it('tells its listener about colour-scheme changes until unsubscribed', () => {
    const media = stubMedia({});
    const seen: number[] = [];
    const off = browserEnvironment().onThemeChange(() => seen.push(1));
    media.fire('(prefers-color-scheme: dark)');
    media.fire('(forced-colors: active)');
    expect(seen).toHaveLength(2);
    off();
    expect(media.count()).toBe(0);
  });
});

describe('officeEnvironment (inside Office)', () => {
  it("starts in Office's display language inside an Office host, the browser's without one", () => {
    stubMedia({});
    stubNavigatorLanguage('ko-KR');
    stubOffice({ host: 'Word', displayLanguage: 'en-US' });
    expect(officeEnvironment().language).toBe('en');
    stubOffice({ host: undefined, displayLanguage: 'en-US' });
    expect(officeEnvironment().language).toBe('ko');
  });

  it("draws dark on Office's dark themes, light on light ones, contrast when colours are forced", () => {
    stubMedia({ '(prefers-color-scheme: dark)': true });
    stubOffice({ host: 'Word', displayLanguage: 'ko-KR', officeTheme: { bodyBackgroundColor: '#262626' } });
    expect(officeEnvironment().theme()).toBe('dark');
    stubOffice({ host: 'Word', displayLanguage: 'ko-KR', officeTheme: { bodyBackgroundColor: '#FFFFFF' } });
    expect(officeEnvironment().theme()).toBe('light'); // Office's theme wins over the OS scheme
    stubMedia({ '(forced-colors: active)': true });
    expect(officeEnvironment().theme()).toBe('contrast');
  });

  it('knows whether Office.js is on the page; isDark reads #rrggbb by luminance', () => {
    expect(officeJsLoaded()).toBe(false);
    stubOffice({});
    expect(officeJsLoaded()).toBe(true);
    expect([isDark('#000000'), isDark('#404040'), isDark('#c8c8c8'), isDark('ffffff'), isDark('dark'), isDark(undefined)]).toEqual([
      true,
      true,
      false,
      false,
      false,
      false,
    ]);
  });
});
