/** Shared test harness for the draft/rewrite panels: providers, a fake host, a scripted relay. */
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import type { StreamEvent } from '../../../addin/src/api/client';
import type { DocumentHost } from '../../../addin/src/host/DocumentHost';
import type { Lang } from '../../../addin/src/i18n/strings';
import { SettingsProvider } from '../../../addin/src/settings/context';
import { localStorageSettings, type PaneSettings, type SettingsStorage } from '../../../addin/src/settings/store';
import { LangContext } from '../../../addin/src/ui/i18n';

/** The pane's own localStorage store (jsdom), seeded: follows whatever the store's interface is. */
// jsdom has no ResizeObserver (Fluent's MessageBar reflow uses it).
if (typeof window !== 'undefined' && !('ResizeObserver' in window)) {
  (window as unknown as { ResizeObserver: unknown }).ResizeObserver = class {
    observe() {}
    unobserve() {}
    disconnect() {}
  };
}

export function seededStorage(initial: Partial<PaneSettings> = {}): SettingsStorage {
  window.localStorage.clear();
  window.localStorage.setItem('sseugi.settings', JSON.stringify(initial));
  return localStorageSettings(window.localStorage);
}

export function renderPane(ui: ReactElement, opts: { lang?: Lang; settings?: Partial<PaneSettings> } = {}) {
  return render(
    <FluentProvider theme={webLightTheme}>
      <SettingsProvider storage={seededStorage(opts.settings)}>
        <LangContext.Provider value={opts.lang ?? 'ko'}>{ui}</LangContext.Provider>
      </SettingsProvider>
    </FluentProvider>,
  );
}

export function fakeHost(opts: { selection?: string; body?: string } = {}) {
  const doc = { selection: opts.selection ?? '', body: opts.body ?? '' };
  const host = {
    kind: 'browser' as const,
    get selection(): string {
      return doc.selection;
    },
    set selection(v: string) {
      doc.selection = v;
    },
    capabilities: () => ({ trackedChanges: true, comments: true }),
    getSelectionText: jest.fn(async () => doc.selection),
    getBodyText: jest.fn(async () => doc.body),
    getParagraphs: jest.fn(async () => []),
    insertBlocks: jest.fn(async () => undefined),
    applyEdits: jest.fn(),
    select: jest.fn(async () => true),
    onChange: () => () => undefined,
  };
  return host as typeof host & DocumentHost;
}

export interface StreamCall {
  path: string;
  /** The JSON body the pane posted: always an object. */
  body: object;
}

/** A scripted relay for `postStream`: each call plays the next script. */
export function scriptedStreams() {
  const calls: StreamCall[] = [];
  const scripts: Array<(path: string, body: object) => StreamEvent[]> = [];
  const impl = async (path: string, body: unknown, onEvent: (e: StreamEvent) => void, _signal?: AbortSignal) => {
    if (typeof body !== 'object' || body === null) throw new Error(`postStream ${path}: the body is not an object`);
    calls.push({ path, body });
    const script = scripts.shift();
    const events: StreamEvent[] = script
      ? script(path, body)
      : [
          { event: 'text', data: { text: '기본 답' } },
          { event: 'done', data: { finishReason: 'stop', truncated: false } },
        ];
    for (const e of events) {
      await Promise.resolve();
      onEvent(e);
    }
  };
  return {
    calls,
    impl,
    next(events: StreamEvent[] | ((path: string, body: object) => StreamEvent[])) {
      scripts.push(typeof events === 'function' ? events : () => events);
    },
  };
}

export const text = (t: string): StreamEvent => ({ event: 'text', data: { text: t } });
export const done = (truncated = false): StreamEvent => ({
  event: 'done',
  data: { finishReason: truncated ? 'length' : 'stop', truncated },
});

export const TEMPLATES = {
  templates: [
    { id: 'official-letter', kind: 'general', label: { ko: '공문(기안문)', en: 'Official letter (기안문)' }, pack: 'general' },
    { id: 'report-outline', kind: 'general', label: { ko: '보고서 개요', en: 'Report outline' }, pack: 'general' },
    { id: 'email', kind: 'general', label: { ko: '이메일', en: 'Email' }, pack: 'general' },
    { id: 'minutes', kind: 'general', label: { ko: '회의록', en: 'Meeting minutes' }, pack: 'general' },
    { id: 'press-release', kind: 'general', label: { ko: '보도자료', en: 'Press release' }, pack: 'general' },
    { id: 'patent-claims', kind: 'legal', label: { ko: '청구범위 초안', en: 'Draft claims' }, pack: 'patent' },
    { id: 'patent-description', kind: 'legal', label: { ko: '발명의 설명 초안', en: 'Draft description sections' }, pack: 'patent' },
    { id: 'official-draft', kind: 'legal', label: { ko: '공문(기안문) 초안', en: 'Draft official letter (기안문)' }, pack: 'official' },
    { id: 'contract-clause', kind: 'legal', label: { ko: '계약 조항 초안', en: 'Draft contract clause' }, pack: 'contract' },
  ],
};

// Stream events land while Testing Library polls (findBy/waitFor), outside act: harmless here.
const realError = console.error;
beforeAll(() => {
  jest.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
    if (typeof args[0] === 'string' && /not configured to support act|not wrapped in act/.test(args[0])) return;
    realError(...args);
  });
});
afterAll(() => (console.error as jest.Mock).mockRestore?.());
