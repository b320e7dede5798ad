/** Runs one streamed task against the relay: text, progress, findings, stop, errors. */
import { useCallback, useEffect, useRef, useState } from 'react';
import { RelayError, postStream } from '../api/client';
import type { FindingsEvent } from '../../../kernel/contract/events';

export type TaskStatus = 'idle' | 'running' | 'done' | 'stopped' | 'error';

export interface TaskProgress {
  phase?: string;
  done: number;
  total: number;
}

/** A suggestion as the relay sends it (kernel/contract/suggestion.ts). */
export type { Suggestion } from '../../../kernel/contract/suggestion';

/**
 * A `findings` event: the whole draft (`TaskState.text`) checked with a rule pack; each
 * finding names a line of it (kernel/contract/events.ts, findingsEvent).
 */
export type Findings = FindingsEvent;

/** The streaming endpoints that produce text (the proofreader has its own hook). */
export type TextTaskPath = '/api/draft' | '/api/rewrite' | '/api/summarize';

export interface TaskState {
  status: TaskStatus;
  text: string;
  progress?: TaskProgress;
  errorCode?: string;
  truncated: boolean;
  /** `findings` events received (legal drafts). */
  findings?: Findings[];
}

export interface StartOptions {
  /** Text already in the preview; the stream's text is appended to it (Continue). */
  prefix?: string;
  /** Findings already shown for the prefix; kept until the relay sends the whole draft's. */
  findings?: Findings[];
}

const initial: TaskState = { status: 'idle', text: '', truncated: false };

export function useTaskStream(): {
  state: TaskState;
  start: (path: TextTaskPath, body: unknown, opts?: StartOptions) => Promise<void>;
  stop: () => void;
  reset: () => void;
  /** Shows a finished result again (e.g. from history) without a request. */
  load: (state: TaskState) => void;
} {
  const [state, setState] = useState<TaskState>(initial);
  const controller = useRef<AbortController | null>(null);

  const stop = useCallback(() => {
    controller.current?.abort();
  }, []);

  // Leaving the panel (tab switch, pane closed) cancels the request end to end.
  useEffect(() => () => controller.current?.abort(), []);

  const reset = useCallback(() => {
    controller.current?.abort();
    setState(initial);
  }, []);

  const load = useCallback((s: TaskState) => {
    controller.current?.abort();
    controller.current = null;
    setState(s);
  }, []);

  const start = useCallback(async (path: TextTaskPath, body: unknown, opts: StartOptions = {}) => {
    controller.current?.abort();
    const c = new AbortController();
    controller.current = c;
    const prefix = opts.prefix ?? '';
    setState({ status: 'running', text: prefix, truncated: false, ...(opts.findings ? { findings: opts.findings } : {}) });
    let sawEnd = false;
    // Events of an aborted (superseded) stream must not touch the new one's state.
    const set = (fn: (s: TaskState) => TaskState) => {
      if (controller.current === c || !c.signal.aborted) setState(fn);
    };
    try {
      await postStream(
        path,
        body,
        (e) => {
          if (e.event === 'text') set((s) => ({ ...s, text: s.text + e.data.text }));
          else if (e.event === 'progress')
            set((s) => ({ ...s, progress: { phase: e.data.phase, done: e.data.done, total: e.data.total } }));
          // The findings cover the whole draft, a continued one too: they replace earlier ones.
          else if (e.event === 'findings') set((s) => ({ ...s, findings: [e.data] }));
          else if (e.event === 'error') {
            sawEnd = true;
            set((s) => ({ ...s, status: 'error', errorCode: e.data.code }));
          } else if (e.event === 'done') {
            sawEnd = true;
            set((s) => ({ ...s, status: 'done', truncated: e.data.truncated }));
          }
        },
        c.signal,
      );
      if (!sawEnd) set((s) => ({ ...s, status: 'error', errorCode: 'NETWORK' }));
    } catch (err) {
      if (c.signal.aborted) {
        if (controller.current === c || controller.current === null)
          setState((s) => (s.status === 'running' ? { ...s, status: 'stopped' } : s));
      } else set((s) => ({ ...s, status: 'error', errorCode: err instanceof RelayError ? err.code : 'NETWORK' }));
    } finally {
      if (controller.current === c) controller.current = null;
    }
  }, []);

  return { state, start, stop, reset, load };
}
