/**
 * The user's pane settings. Kept in Office's document settings inside Word and in
 * localStorage on the standalone page. No secrets are ever stored here: an API key
 * lives in memory for the session only (see api/credentials.ts).
 */
import type { ApplyMode } from '../host/DocumentHost';
import type { Lang } from '../i18n/strings';
import { PACK_IDS, REGISTERS, isOneOf, type PackId, type Register } from '../../../kernel/contract/enums';

/** A document type is a rule pack (kernel/contract/enums.ts). */
export type DocType = PackId;
export type { Register };

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
  /** Also show recommendations (e.g. established loanword variants) in general documents. */
  recommendations: boolean;
}

export const DEFAULT_SETTINGS: PaneSettings = {
  applyMode: 'tracked',
  categories: [],
  register: 'hapsyo',
  language: null,
  docType: 'general',
  useModel: true,
  recommendations: false,
};

export interface SettingsStorage {
  load(): Partial<PaneSettings>;
  save(settings: PaneSettings): void;
  /** Ignored proofreading suggestions of this document (keys from core/suggestions ignoreKey). */
  loadIgnored(): string[];
  saveIgnored(keys: string[]): void;
}

const KEY = 'sseugi.settings';
const IGNORED_KEY = 'sseugi.ignored';
/** The ignore list keeps the most recent keys only. */
export const MAX_IGNORED = 2000;

function parseIgnored(raw: unknown): string[] {
  return Array.isArray(raw) ? raw.filter((k): k is string => typeof k === 'string').slice(-MAX_IGNORED) : [];
}

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
      try {
        storage.setItem(KEY, JSON.stringify(settings));
      } catch {
        /* storage full or disabled: settings last for the session */
      }
    },
    loadIgnored() {
      try {
        return parseIgnored(JSON.parse(storage.getItem(IGNORED_KEY) ?? '[]'));
      } catch {
        return [];
      }
    },
    saveIgnored(keys) {
      try {
        storage.setItem(IGNORED_KEY, JSON.stringify(parseIgnored(keys)));
      } catch {
        /* ignore */
      }
    },
  };
}

/** Minimal key-value store (Office.context.document.settings has this shape). */
export interface KeyValueStore {
  get(name: string): unknown;
  set(name: string, value: unknown): void;
  /** Persists the changes (Office: saveAsync). */
  flush(): void;
}

/** Settings kept in a key-value store: Word's document settings (see WordHost.officeSettingsStore). */
export function keyValueSettings(store: KeyValueStore): SettingsStorage {
  return {
    load() {
      const v = store.get(KEY);
      return v && typeof v === 'object' ? (v as Partial<PaneSettings>) : {};
    },
    save(settings) {
      store.set(KEY, { ...settings });
      store.flush();
    },
    loadIgnored() {
      return parseIgnored(store.get(IGNORED_KEY));
    },
    saveIgnored(keys) {
      store.set(IGNORED_KEY, parseIgnored(keys));
      store.flush();
    },
  };
}

/** In-memory storage (tests, or when no storage is available). */
export function memorySettings(
  initial: Partial<PaneSettings> = {},
  ignored: string[] = [],
): SettingsStorage & { saved: PaneSettings | null; ignored: string[] } {
  let stored: Partial<PaneSettings> = { ...initial };
  const m = {
    saved: null as PaneSettings | null,
    ignored: [...ignored],
    load: () => ({ ...stored }),
    save(settings: PaneSettings) {
      stored = { ...settings };
      m.saved = { ...settings };
    },
    loadIgnored: () => [...m.ignored],
    saveIgnored(keys: string[]) {
      m.ignored = parseIgnored(keys);
    },
  };
  return m;
}

/** Sanitises whatever was stored (older versions, hand edits) against the defaults. */
export function mergeSettings(stored: Partial<PaneSettings>): PaneSettings {
  const s = { ...DEFAULT_SETTINGS };
  if (stored.applyMode === 'tracked' || stored.applyMode === 'direct' || stored.applyMode === 'comment') s.applyMode = stored.applyMode;
  if (Array.isArray(stored.categories)) s.categories = stored.categories.filter((c) => typeof c === 'string');
  if (isOneOf(REGISTERS, stored.register)) s.register = stored.register;
  if (stored.language === 'ko' || stored.language === 'en') s.language = stored.language;
  if (isOneOf(PACK_IDS, stored.docType)) s.docType = stored.docType;
  if (typeof stored.useModel === 'boolean') s.useModel = stored.useModel;
  if (typeof stored.recommendations === 'boolean') s.recommendations = stored.recommendations;
  if (Array.isArray(stored.categories)) s.categories = s.categories.filter((c, i, a) => a.indexOf(c) === i);
  return s;
}
