/** React access to the pane settings. */
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { mergeSettings, type PaneSettings, type SettingsStorage } from './store';

interface SettingsValue {
  settings: PaneSettings;
  update: (patch: Partial<PaneSettings>) => void;
}

const SettingsContext = createContext<SettingsValue | null>(null);

export function SettingsProvider({ storage, children }: { storage: SettingsStorage; children: ReactNode }) {
  const [settings, setSettings] = useState<PaneSettings>(() => mergeSettings(storage.load()));
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
  const value = useMemo(() => ({ settings, update }), [settings, update]);
  return <SettingsContext.Provider value={value}>{children}</SettingsContext.Provider>;
}

export function useSettings(): SettingsValue {
  const v = useContext(SettingsContext);
  if (!v) throw new Error('useSettings outside SettingsProvider');
  return v;
}
