/** Relay and model status from /api/health, shown at the top of the pane. */
import { MessageBar, MessageBarBody, Spinner } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { getJson } from '../api/client';
import { onTaskSettled } from '../api/task-events';
import { useT } from './i18n';

export interface Health {
  status: string;
  version: string;
  model: { reachable: boolean; model: string; backend?: string; contextWindow?: number | null };
  /** How the relay authenticates (public part of /api/health). */
  auth?: 'none' | 'apikey' | 'oidc';
}

/** While all is well, /api/health is re-read this often (the relay caches its probe 5 s). */
export const HEALTH_OK_INTERVAL_MS = 10_000;
/** After a failure or with the model down: first retry, doubling up to the cap. */
export const HEALTH_RETRY_FIRST_MS = 2_000;
export const HEALTH_RETRY_MAX_MS = 16_000;

const visible = () => typeof document === 'undefined' || document.visibilityState !== 'hidden';

/**
 * The relay's health, kept true: polled while the pane is visible (every 10 s when all is
 * well; with exponential backoff from 2 s to 16 s while the relay or the model is down),
 * re-read at once after every task (success or failure) and when the pane becomes visible.
 * The last answer stays shown while the next one is fetched.
 */
export function useHealth(): { health: Health | null; failed: boolean; refresh: () => void } {
  const [health, setHealth] = useState<Health | null>(null);
  const [failed, setFailed] = useState(false);
  const [tick, setTick] = useState(0);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let controller: AbortController | null = null;
    let retryMs = HEALTH_RETRY_FIRST_MS;
    let stopped = false;
    const schedule = (ms: number) => {
      clearTimeout(timer);
      if (!stopped && visible()) timer = setTimeout(check, ms);
    };
    function check(): void {
      clearTimeout(timer);
      controller?.abort();
      const c = (controller = new AbortController());
      getJson<Health>('/api/health', c.signal)
        .then((h) => {
          if (c.signal.aborted) return;
          setHealth(h);
          setFailed(false);
          if (h.model?.reachable) {
            retryMs = HEALTH_RETRY_FIRST_MS;
            schedule(HEALTH_OK_INTERVAL_MS);
          } else schedule(backoff());
        })
        .catch(() => {
          if (c.signal.aborted) return;
          setFailed(true);
          schedule(backoff());
        });
    }
    function backoff(): number {
      const ms = retryMs;
      retryMs = Math.min(retryMs * 2, HEALTH_RETRY_MAX_MS);
      return ms;
    }
    const onVisibility = () => {
      if (visible()) check();
      else clearTimeout(timer);
    };
    const now = () => {
      retryMs = HEALTH_RETRY_FIRST_MS;
      check();
    };
    check();
    document.addEventListener('visibilitychange', onVisibility);
    const off = onTaskSettled(now);
    return () => {
      stopped = true;
      clearTimeout(timer);
      controller?.abort();
      document.removeEventListener('visibilitychange', onVisibility);
      off();
    };
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
