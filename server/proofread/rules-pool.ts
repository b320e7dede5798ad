/**
 * Offline proofreading (rules + dictionary) off the event loop: a piscina worker pool
 * (RULES_WORKERS threads, default cores - 1) running server/proofread/rules-worker.ts.
 * A maximum-size request takes the rules about half a second of CPU; on the main
 * thread ten of them stalled every other request, /api/health included, for seconds
 * (issue 13, finding 6).
 *
 * Admission: `check` first takes a slot of the model gate (ctx.gate: MODEL_CONCURRENCY
 * slots, QUEUE_MAX waiters) — the same admission control as model work, so a flood
 * is answered 503 BUSY instead of piling up — and holds it only while the rules run.
 * The pool's own queue is bounded by the gate; `maxQueue` is a second guard.
 *
 * The worker runs under tsx (sources, tests) and from the compiled build (dist/node):
 * a .ts worker file gets tsx's CommonJS hook (`--require tsx/cjs`, a dev dependency,
 * present wherever the sources run) unless the parent already runs under tsx.
 */
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { Piscina } from 'piscina';
import type { ModelGate } from '../limits/model-gate';
import type { RulesResult, RulesTask } from './rules-worker';

export type { RulesResult } from './rules-worker';

export interface RulesPoolOptions {
  threads?: number;
  /** Findings per answer at most (PROOFREAD_MAX_SUGGESTIONS). */
  maxSuggestions: number;
  gate: ModelGate;
}

export interface RulesPool {
  check(paragraphs: RulesTask['paragraphs'], options: RulesTask['options'], signal?: AbortSignal): Promise<RulesResult>;
  close(): Promise<void>;
}

function workerFile(): { filename: string; execArgv: string[] } {
  const ext = path.extname(__filename); // .ts from sources, .js from dist/node
  const filename = path.join(__dirname, `rules-worker${ext}`);
  if (ext !== '.ts' || process.execArgv.some((a) => a.includes('tsx'))) return { filename, execArgv: process.execArgv };
  return { filename, execArgv: [...process.execArgv, '--require', require.resolve('tsx/cjs')] };
}

export function createRulesPool(opts: RulesPoolOptions): RulesPool {
  const threads = Math.max(1, opts.threads ?? availableParallelism() - 1);
  const { filename, execArgv } = workerFile();
  let pool: Piscina | null = null;
  // Created on first use: a relay that never proofreads offline starts no threads.
  const get = () =>
    (pool ??= new Piscina({
      filename,
      execArgv,
      minThreads: 0,
      maxThreads: threads,
      idleTimeout: 60_000,
      maxQueue: 1024,
    }));
  return {
    async check(paragraphs, options, signal) {
      const release = await opts.gate.acquire(signal);
      try {
        const task: RulesTask = { paragraphs, options, max: opts.maxSuggestions };
        return (await get().run(task, { signal })) as RulesResult;
      } finally {
        release();
      }
    },
    async close() {
      const p = pool;
      pool = null;
      await p?.destroy();
    },
  };
}
