/**
 * The user's pane settings. Kept in Office's document settings inside Word and in
 * localStorage on the standalone page. No secrets are ever stored here: an API key
 * lives in memory for the session only (see api/credentials.ts).
 */
import type { ApplyMode } from '../host/DocumentHost';
import type { Lang } from '../i18n/strings';

export type DocType = 'general' | 'official' | 'patent' | 'contract';
export type Register = 'hapsyo' | 'haera';

export interface PaneSettings {
  applyMode: ApplyMode;
  /** Categories to check; empty means all. */
  categories: string[];
  register: Register;
  /** null: follow Office's / the browser's language. */
  language: Lang | null;
  docType: DocType;
  /** Use the model layer when proofreading. */
  useModel: boolean;
}

export const DEFAULT_SETTINGS: PaneSettings = {
  applyMode: 'tracked',
  categories: [],
  register: 'hapsyo',
  language: null,
  docType: 'general',
  useModel: true,
};

export interface SettingsStorage {
  load(): Partial<PaneSettings>;
  save(settings: PaneSettings): void;
}

const KEY = 'sseugi.settings';

export function localStorageSettings(storage: Storage = window.localStorage): SettingsStorage {
  return {
    load() {
      try {
        return JSON.parse(storage.getItem(KEY) ?? '{}') as Partial<PaneSettings>;
      } catch {
        return {};
      }
    },
    save(settings) {
      storage.setItem(KEY, JSON.stringify(settings));
    },
  };
}

/** Sanitises whatever was stored (older versions, hand edits) against the defaults. */
export function mergeSettings(stored: Partial<PaneSettings>): PaneSettings {
  const s = { ...DEFAULT_SETTINGS };
  if (stored.applyMode === 'tracked' || stored.applyMode === 'direct' || stored.applyMode === 'comment') s.applyMode = stored.applyMode;
  if (Array.isArray(stored.categories)) s.categories = stored.categories.filter((c) => typeof c === 'string');
  if (stored.register === 'hapsyo' || stored.register === 'haera') s.register = stored.register;
  if (stored.language === 'ko' || stored.language === 'en') s.language = stored.language;
  if (stored.docType && ['general', 'official', 'patent', 'contract'].includes(stored.docType)) s.docType = stored.docType;
  if (typeof stored.useModel === 'boolean') s.useModel = stored.useModel;
  return s;
}
