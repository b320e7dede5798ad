/** The pane's language, from Office's display language or the browser's. */
import { createContext, useContext } from 'react';
import { STRINGS, errorMessage, format, type Lang, type StringKey } from '../i18n/strings';

export const LangContext = createContext<Lang>('ko');

export function useT(): {
  lang: Lang;
  t: (key: StringKey, vars?: Record<string, string | number>) => string;
  err: (code: string) => string;
} {
  const lang = useContext(LangContext);
  return {
    lang,
    t: (key, vars) => (vars ? format(STRINGS[lang][key], vars) : STRINGS[lang][key]),
    err: (code) => errorMessage(lang, code),
  };
}
