/** Runs one streamed task against the relay: text, progress, stop, errors. */
import { useCallback, useRef, useState } from 'react';
import { RelayError, postStream } from '../api/client';

export type TaskStatus = 'idle' | 'running' | 'done' | 'stopped' | 'error';

export interface TaskProgress {
  phase?: string;
  done: number;
  total: number;
}

export interface TaskState {
  status: TaskStatus;
  text: string;
  progress?: TaskProgress;
  errorCode?: string;
  truncated: boolean;
}

const initial: TaskState = { status: 'idle', text: '', truncated: false };

export function useTaskStream(): {
  state: TaskState;
  start: (path: string, body: unknown) => Promise<void>;
  stop: () => void;
  reset: () => void;
} {
  const [state, setState] = useState<TaskState>(initial);
  const controller = useRef<AbortController | null>(null);

  const stop = useCallback(() => {
    controller.current?.abort();
  }, []);

  const reset = useCallback(() => setState(initial), []);

  const start = useCallback(async (path: string, body: unknown) => {
    controller.current?.abort();
    const c = new AbortController();
    controller.current = c;
    setState({ status: 'running', text: '', truncated: false });
    let sawEnd = false;
    try {
      await postStream(
        path,
        body,
        (e) => {
          const data = e.data as Record<string, unknown>;
          if (e.event === 'text') setState((s) => ({ ...s, text: s.text + String(data.text ?? '') }));
          else if (e.event === 'replace') setState((s) => ({ ...s, text: String(data.text ?? '') }));
          else if (e.event === 'progress')
            setState((s) => ({ ...s, progress: { phase: data.phase as string | undefined, done: Number(data.done), total: Number(data.total) } }));
          else if (e.event === 'error') {
            sawEnd = true;
            setState((s) => ({ ...s, status: 'error', errorCode: String(data.code ?? 'INTERNAL') }));
          } else if (e.event === 'done') {
            sawEnd = true;
            setState((s) => ({ ...s, status: 'done', truncated: Boolean(data.truncated) }));
          }
        },
        c.signal,
      );
      if (!sawEnd) setState((s) => ({ ...s, status: 'error', errorCode: 'NETWORK' }));
    } catch (err) {
      if (c.signal.aborted) setState((s) => ({ ...s, status: 'stopped' }));
      else setState((s) => ({ ...s, status: 'error', errorCode: err instanceof RelayError ? err.code : 'NETWORK' }));
    } finally {
      if (controller.current === c) controller.current = null;
    }
  }, []);

  return { state, start, stop, reset };
}
