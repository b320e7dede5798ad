/**
 * Entry of the task pane. In Word (taskpane.html) the document host is WordHost,
 * loaded only there, and settings live in the document's settings; on the
 * standalone page it is BrowserHost over the editor, with settings in localStorage.
 * The theme follows Office's (or the browser's): light, dark or high contrast.
 */
import { FluentProvider, webDarkTheme, webLightTheme, teamsHighContrastTheme, type Theme } from '@fluentui/react-components';
import { useEffect, useState, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import { createRoot } from 'react-dom/client';
import './api/credentials';
import { paneLanguage, pickLanguage, type Lang } from './i18n/strings';
import { BrowserHost } from './host/BrowserHost';
import { setSignInHost } from './api/credentials';
import type { DocumentHost } from './host/DocumentHost';
import { App } from './ui/App';
import { Workbench } from './workbench/Workbench';
import { EditorToolbar } from './ui/standalone/EditorToolbar';
import { LangContext } from './ui/i18n';
import { SettingsProvider, useSettings } from './settings/context';
import { keyValueSettings, localStorageSettings, memorySettings, type SettingsStorage } from './settings/store';

type ThemeName = 'light' | 'dark' | 'contrast';
const THEMES: Record<ThemeName, Theme> = { light: webLightTheme, dark: webDarkTheme, contrast: teamsHighContrastTheme };

/** The language chosen in Settings, else the detected one. */
function WithLanguage({ detected, children }: { detected: Lang; children: ReactNode }) {
  const { settings } = useSettings();
  const lang = settings.language ?? detected;
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
  return <LangContext.Provider value={lang}>{children}</LangContext.Provider>;
}

/** Re-renders when the theme changes (Office theme event, OS colour scheme or forced colours). */
function Themed({ pick, subscribe, children }: { pick: () => ThemeName; subscribe: (cb: () => void) => () => void; children: ReactNode }) {
  const [name, setName] = useState<ThemeName>(pick);
  useEffect(() => subscribe(() => setName(pick())), [pick, subscribe]);
  return (
    <FluentProvider theme={THEMES[name]} style={{ minHeight: '100%' }} data-theme={name}>
      {children}
    </FluentProvider>
  );
}

function render(
  host: DocumentHost,
  lang: Lang,
  pick: () => ThemeName,
  subscribe: (cb: () => void) => () => void,
  storage: SettingsStorage,
  /** Also rendered (standalone page): the editor's toolbar, into #editor-toolbar. */
  toolbar?: ReactNode,
  /** Replaces the plain pane (standalone page: the file workbench around it). */
  content?: ReactNode,
): void {
  const root = document.getElementById('pane-root');
  if (!root) return;
  document.documentElement.lang = lang;
  const wrap = (node: ReactNode) => (
    <Themed pick={pick} subscribe={subscribe}>
      <SettingsProvider storage={storage}>
        <WithLanguage detected={lang}>{node}</WithLanguage>
      </SettingsProvider>
    </Themed>
  );

  const bar = document.getElementById('editor-toolbar');
  // One React root: the toolbar (a portal) shares the pane's settings and language.
  createRoot(root).render(
    wrap(
      <>
        {content ?? <App host={host} />}
        {toolbar && bar
          ? createPortal(
              // Fluent's theme is CSS variables on the provider's element: the portal needs its own.
              <Themed pick={pick} subscribe={subscribe}>
                {toolbar}
              </Themed>,
              bar,
            )
          : null}
      </>,
    ),
  );
}

const media = (q: string) => (typeof window.matchMedia === 'function' ? window.matchMedia(q) : null);

function browserTheme(): ThemeName {
  if (media('(forced-colors: active)')?.matches) return 'contrast';
  return media('(prefers-color-scheme: dark)')?.matches ? 'dark' : 'light';
}

function onMediaChange(cb: () => void): () => void {
  const qs = ['(forced-colors: active)', '(prefers-color-scheme: dark)'].map(media).filter((m): m is MediaQueryList => m !== null);
  for (const q of qs) q.addEventListener?.('change', cb);
  return () => {
    for (const q of qs) q.removeEventListener?.('change', cb);
  };
}

function safeLocalStorage(): SettingsStorage {
  try {
    window.localStorage.getItem('sseugi.settings');
    return localStorageSettings();
  } catch {
    return memorySettings();
  }
}

function isDark(hex: string | undefined): boolean {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex ?? '');
  if (!m) return false;
  const [r, g, b] = [m[1], m[2], m[3]].map((x) => parseInt(x!, 16));
  return 0.299 * r! + 0.587 * g! + 0.114 * b! < 128;
}

const mount = document.getElementById('pane-root');
if (mount?.dataset.host === 'word' && typeof Office !== 'undefined') {
  void Office.onReady(async () => {
    const { WordHost, officeSettingsStore } = await import(/* webpackChunkName: "word" */ './host/WordHost.js');
    const officeTheme = (): ThemeName => {
      if (media('(forced-colors: active)')?.matches) return 'contrast';
      const th = Office.context.officeTheme;
      return th && isDark(th.bodyBackgroundColor) ? 'dark' : 'light';
    };
    let storage: SettingsStorage;
    try {
      storage = keyValueSettings(officeSettingsStore());
    } catch {
      storage = memorySettings();
    }
    const host = new WordHost();
    // Under AUTH_MODE=oidc the pane signs in with Office SSO, falling back to the relay's dialog.
    setSignInHost(host);
    render(host, paneLanguage(!!Office.context?.host, Office.context?.displayLanguage, navigator.language), officeTheme, onMediaChange, storage);
  });
} else {
  const editor = document.getElementById('sseugi-editor');
  if (editor) {
    const host = new BrowserHost(editor);
    // The standalone page is also a workbench for files (.hwpx, .hwp, .docx, .txt, .md).
    render(host, pickLanguage(navigator.language), browserTheme, onMediaChange, safeLocalStorage(), <EditorToolbar host={host} />, <Workbench editorHost={host} editor={editor} />);
  }
}
