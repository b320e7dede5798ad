/** Runs one streamed task against the relay: text, progress, findings, stop, errors. */
import { useCallback, useEffect, useRef, useState } from 'react';
import { RelayError, postStream } from '../api/client';

export type TaskStatus = 'idle' | 'running' | 'done' | 'stopped' | 'error';

export interface TaskProgress {
  phase?: string;
  done: number;
  total: number;
}

/** A suggestion as the relay sends it (docs/API.md). */
export type { Suggestion } from '../../../server/proofread/types';
import type { Suggestion } from '../../../server/proofread/types';

/** A `findings` event: a draft checked with a rule pack. */
export interface Findings {
  pack: string;
  suggestions: Suggestion[];
  /** Where the checked text starts in `TaskState.text` (after a Continue, the new part). */
  offset?: number;
}

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
  /** Findings already shown for the prefix; kept. */
  findings?: Findings[];
}

const initial: TaskState = { status: 'idle', text: '', truncated: false };

export function useTaskStream(): {
  state: TaskState;
  start: (path: string, body: unknown, opts?: StartOptions) => Promise<void>;
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

  const start = useCallback(async (path: string, body: unknown, opts: StartOptions = {}) => {
    controller.current?.abort();
    const c = new AbortController();
    controller.current = c;
    const prefix = opts.prefix ?? '';
    const base = prefix.length;
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
          const data = (e.data ?? {}) as Record<string, unknown>;
          if (e.event === 'text') set((s) => ({ ...s, text: s.text + String(data.text ?? '') }));
          else if (e.event === 'replace') set((s) => ({ ...s, text: prefix + String(data.text ?? '') }));
          else if (e.event === 'progress')
            set((s) => ({ ...s, progress: { phase: data.phase as string | undefined, done: Number(data.done), total: Number(data.total) } }));
          else if (e.event === 'findings') {
            const f: Findings = {
              pack: String(data.pack ?? ''),
              suggestions: Array.isArray(data.suggestions) ? (data.suggestions as Suggestion[]) : [],
              offset: base,
            };
            set((s) => ({ ...s, findings: [...(s.findings ?? []), f] }));
          } else if (e.event === 'error') {
            sawEnd = true;
            set((s) => ({ ...s, status: 'error', errorCode: String(data.code ?? 'INTERNAL') }));
          } else if (e.event === 'done') {
            sawEnd = true;
            set((s) => ({ ...s, status: 'done', truncated: Boolean(data.truncated) }));
          }
        },
        c.signal,
      );
      if (!sawEnd) set((s) => ({ ...s, status: 'error', errorCode: 'NETWORK' }));
    } catch (err) {
      if (c.signal.aborted) {
        if (controller.current === c || controller.current === null) setState((s) => (s.status === 'running' ? { ...s, status: 'stopped' } : s));
      } else set((s) => ({ ...s, status: 'error', errorCode: err instanceof RelayError ? err.code : 'NETWORK' }));
    } finally {
      if (controller.current === c) controller.current = null;
    }
  }, []);

  return { state, start, stop, reset, load };
}
