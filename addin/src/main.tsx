/**
 * Entry of the task pane. In Word (taskpane.html) the document host is WordHost,
 * loaded only there; on the standalone page it is BrowserHost over the editor.
 */
import { FluentProvider, webDarkTheme, webLightTheme, teamsHighContrastTheme, type Theme } from '@fluentui/react-components';
import { createRoot } from 'react-dom/client';
import { pickLanguage, type Lang } from './i18n/strings';
import { BrowserHost } from './host/BrowserHost';
import type { DocumentHost } from './host/DocumentHost';
import { App } from './ui/App';
import { LangContext } from './ui/i18n';
import { SettingsProvider } from './settings/context';
import { localStorageSettings, type SettingsStorage } from './settings/store';

function render(host: DocumentHost, lang: Lang, theme: Theme, storage: SettingsStorage = localStorageSettings()): void {
  const root = document.getElementById('pane-root');
  if (!root) return;
  document.documentElement.lang = lang;
  createRoot(root).render(
    <FluentProvider theme={theme} style={{ minHeight: '100%' }}>
      <SettingsProvider storage={storage}>
        <LangContext.Provider value={lang}>
          <App host={host} />
        </LangContext.Provider>
      </SettingsProvider>
    </FluentProvider>,
  );
}

function browserTheme(): Theme {
  if (window.matchMedia?.('(forced-colors: active)').matches) return teamsHighContrastTheme;
  return window.matchMedia?.('(prefers-color-scheme: dark)').matches ? webDarkTheme : webLightTheme;
}

const mount = document.getElementById('pane-root');
if (mount?.dataset.host === 'word' && typeof Office !== 'undefined') {
  void Office.onReady(async () => {
    const { WordHost } = await import(/* webpackChunkName: "word" */ './host/WordHost.js');
    const officeTheme = Office.context.officeTheme;
    const dark = officeTheme ? isDark(officeTheme.bodyBackgroundColor) : false;
    render(new WordHost(), pickLanguage(Office.context.displayLanguage), dark ? webDarkTheme : webLightTheme);
  });
} else {
  const editor = document.getElementById('sseugi-editor');
  if (editor) render(new BrowserHost(editor), pickLanguage(navigator.language), browserTheme());
}

function isDark(hex: string | undefined): boolean {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex ?? '');
  if (!m) return false;
  const [r, g, b] = [m[1], m[2], m[3]].map((x) => parseInt(x!, 16));
  return 0.299 * r! + 0.587 * g! + 0.114 * b! < 128;
}
