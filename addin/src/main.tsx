/**
 * Entry of the task pane. In Word (taskpane.html) the document host is WordHost,
 * loaded only there, and settings live in the document's settings; on the
 * standalone page it is BrowserHost over the editor, with settings in localStorage.
 * The theme follows Office's (or the browser's): light, dark or high contrast; the
 * language and theme come from the host's environment (host/environment.ts), so this
 * file never touches Office.js.
 */
import { FluentProvider, webDarkTheme, webLightTheme, teamsHighContrastTheme, type Theme } from '@fluentui/react-components';
import { useEffect, useState, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import { createRoot } from 'react-dom/client';
import './api/credentials';
import type { Lang } from './i18n/strings';
import { BrowserHost } from './host/BrowserHost';
import { browserEnvironment, type HostEnvironment, type ThemeName } from './host/environment';
import { officeEnvironment, officeJsLoaded, whenOfficeReady } from './host/word/environment';
import { setSignInHost } from './api/credentials';
import type { DocumentHost } from './host/DocumentHost';
import { App } from './ui/App';
import { Workbench } from './workbench/Workbench';
import { EditorToolbar } from './ui/standalone/EditorToolbar';
import { LangContext } from './ui/i18n';
import { SettingsProvider, useSettings } from './settings/context';
import { keyValueSettings, localStorageSettings, memorySettings, type SettingsStorage } from './settings/store';

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
  environment: HostEnvironment,
  storage: SettingsStorage,
  /** Also rendered (standalone page): the editor's toolbar, into #editor-toolbar. */
  toolbar?: ReactNode,
  /** Replaces the plain pane (standalone page: the file workbench around it). */
  content?: ReactNode,
): void {
  const root = document.getElementById('pane-root');
  if (!root) return;
  const lang = environment.language;
  const pick = environment.theme;
  const subscribe = environment.onThemeChange;
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

function safeLocalStorage(): SettingsStorage {
  try {
    window.localStorage.getItem('sseugi.settings');
    return localStorageSettings();
  } catch {
    return memorySettings();
  }
}

const mount = document.getElementById('pane-root');
if (mount?.dataset.host === 'word' && officeJsLoaded()) {
  void whenOfficeReady().then(async () => {
    const { WordHost, officeSettingsStore } = await import(/* webpackChunkName: "word" */ './host/WordHost.js');
    let storage: SettingsStorage;
    try {
      storage = keyValueSettings(officeSettingsStore());
    } catch {
      storage = memorySettings();
    }
    const host = new WordHost();
    // Under AUTH_MODE=oidc the pane signs in with Office SSO, falling back to the relay's dialog.
    setSignInHost(host);
    render(host, officeEnvironment(), storage);
  });
} else {
  const editor = document.getElementById('sseugi-editor');
  if (editor) {
    const host = new BrowserHost(editor);
    // The standalone page is also a workbench for files (.hwpx, .hwp, .docx, .txt, .md).
    render(host, browserEnvironment(), safeLocalStorage(), <EditorToolbar host={host} />, <Workbench editorHost={host} editor={editor} />);
  }
}
