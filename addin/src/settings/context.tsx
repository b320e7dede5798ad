/** React access to the pane settings and the per-document ignore list. */
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { mergeSettings, MAX_IGNORED, type PaneSettings, type SettingsStorage } from './store';

interface SettingsValue {
  settings: PaneSettings;
  update: (patch: Partial<PaneSettings>) => void;
  /** Ignored proofreading suggestions of this document. */
  ignored: ReadonlySet<string>;
  addIgnored: (keys: string[]) => void;
}

const SettingsContext = createContext<SettingsValue | null>(null);

export function SettingsProvider({ storage, children }: { storage: SettingsStorage; children: ReactNode }) {
  const [settings, setSettings] = useState<PaneSettings>(() => mergeSettings(storage.load()));
  const [ignored, setIgnored] = useState<ReadonlySet<string>>(() => new Set(storage.loadIgnored()));
  const update = useCallback(
    (patch: Partial<PaneSettings>) => {
      setSettings((prev) => {
        const next = mergeSettings({ ...prev, ...patch });
        storage.save(next);
        return next;
      });
    },
    [storage],
  );
  const addIgnored = useCallback(
    (keys: string[]) => {
      setIgnored((prev) => {
        const next = new Set(prev);
        for (const k of keys) {
          next.delete(k);
          next.add(k);
        }
        const list = [...next].slice(-MAX_IGNORED);
        storage.saveIgnored(list);
        return new Set(list);
      });
    },
    [storage],
  );
  const value = useMemo(() => ({ settings, update, ignored, addIgnored }), [settings, update, ignored, addIgnored]);
  return <SettingsContext.Provider value={value}>{children}</SettingsContext.Provider>;
}

export function useSettings(): SettingsValue {
  const v = useContext(SettingsContext);
  if (!v) throw new Error('useSettings outside SettingsProvider');
  return v;
}
