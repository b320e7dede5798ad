/** Relay and model status from /api/health, shown at the top of the pane. */
import { MessageBar, MessageBarBody, Spinner } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { getJson } from '../api/client';
import { useT } from './i18n';

export interface Health {
  status: string;
  version: string;
  model: { reachable: boolean; model: string; backend?: string; contextWindow?: number | null };
  /** How the relay authenticates (public part of /api/health). */
  auth?: 'none' | 'apikey' | 'oidc';
}

export function useHealth(): { health: Health | null; failed: boolean; refresh: () => void } {
  const [health, setHealth] = useState<Health | null>(null);
  const [failed, setFailed] = useState(false);
  const [tick, setTick] = useState(0);
  useEffect(() => {
    const c = new AbortController();
    getJson<Health>('/api/health', c.signal)
      .then((h) => {
        setHealth(h);
        setFailed(false);
      })
      .catch(() => {
        if (!c.signal.aborted) setFailed(true);
      });
    return () => c.abort();
  }, [tick]);
  return { health, failed, refresh: () => setTick((n) => n + 1) };
}

export function RelayStatus({ health, failed }: { health: Health | null; failed: boolean }) {
  const { t } = useT();
  if (failed) {
    return (
      <MessageBar intent="error" data-testid="relay-status">
        <MessageBarBody>{t('relayUnreachable')}</MessageBarBody>
      </MessageBar>
    );
  }
  if (!health) return <Spinner size="tiny" label={t('relayChecking')} />;
  if (!health.model.reachable) {
    return (
      <MessageBar intent="warning" data-testid="relay-status">
        <MessageBarBody>{t('modelUnreachable')}</MessageBarBody>
      </MessageBar>
    );
  }
  return (
    <MessageBar intent="success" data-testid="relay-status">
      <MessageBarBody>{t('relayOk', { model: health.model.model })}</MessageBarBody>
    </MessageBar>
  );
}
