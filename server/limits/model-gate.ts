/**
 * The global cap on concurrent model calls: a counting semaphore (MODEL_CONCURRENCY
 * slots) with a bounded FIFO queue (QUEUE_MAX waiters, each waiting at most
 * QUEUE_TIMEOUT_MS). When the queue is full — or a waiter timed out — the call fails
 * with `BusyError` (HTTP 503, `Retry-After`, `{code: 'BUSY', message}`).
 *
 * Why our own ~100 lines and not a library: nothing suitable is installed (p-limit /
 * p-queue are ESM-only, which this CommonJS build cannot require, see
 * server/generation/limit.ts), and none of them does all three of: a bounded queue that
 * rejects instead of growing, per-waiter timeouts, and removal of a waiter whose
 * AbortSignal fired. Those three are what keeps a slow model from piling up requests.
 *
 * Every call through `gateLlm(llm, gate)` takes a slot and gives it back exactly once —
 * on success, error, abort or when the consumer stops reading a stream (the async
 * generator's `finally`). `inFlight` and `queued` feed /metrics.
 *
 * ROUTES (SSE): call `await ctx.gate.reserve(signal)` BEFORE `openSse(res)`. It waits
 * in the same queue and holds a slot for this request; the request's first model call
 * uses that slot instead of queueing again, so a full relay answers a clean 503 BUSY
 * before the stream opens. A reservation the request never used is released when the
 * response closes. (The hand-over works through AsyncLocalStorage, entered by
 * `gate.scope()` which app.ts mounts in front of the API routes.)
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { RequestHandler } from 'express';
import { ApiError } from '../errors';
import { UpstreamError } from '../llm/errors';
import type { ChatRequest, ChatResult, LlmClient, StreamChunk, TokenUsage } from '../llm/types';

export const BUSY_MESSAGE = 'The model server is busy. Try again shortly.';

export class BusyError extends ApiError {
  constructor(retryAfterSec: number) {
    super(503, 'BUSY', BUSY_MESSAGE, { 'Retry-After': String(retryAfterSec) });
    this.name = 'BusyError';
  }
  /** For SSE `error` events, when the stream was already open. */
  readonly retryable = true;
}

export interface ModelGateOptions {
  concurrency: number;
  queueMax: number;
  queueTimeoutMs: number;
}

type Release = () => void;

interface Waiter {
  grant: (release: Release) => void;
  fail: (err: unknown) => void;
}

interface Scope {
  /** A slot reserved by `reserve()` and not yet used by a model call. */
  held: Release | null;
  /** Token usage of this request's model calls, summed (also at res.locals.modelUsage). */
  usage: RequestUsage;
}

export interface RequestUsage {
  promptTokens: number;
  completionTokens: number;
  /** Model calls that reported usage. */
  calls: number;
}

export interface ModelGate {
  readonly concurrency: number;
  /** Model calls holding a slot (including reservations not yet used). */
  readonly inFlight: number;
  /** Calls waiting for a slot. */
  readonly queued: number;
  /** Waits for a slot (FIFO); BusyError when the queue is full or the wait timed out. */
  acquire(signal?: AbortSignal): Promise<Release>;
  /**
   * For routes, before opening a stream: hold a slot for this request's first model
   * call. Throws BusyError (→ 503 + Retry-After) or rejects when `signal` aborts.
   * Outside `scope()` it only checks admission (waits for a slot and gives it back).
   */
  reserve(signal?: AbortSignal): Promise<void>;
  /** Express middleware: the per-request scope that carries a reservation to the model call. */
  scope(): RequestHandler;
  /** The slot reserved in the current request, if any (taken: the caller must release it). */
  takeReserved(): Release | null;
  /** Adds a model call's usage to the current request's total (no-op outside a scope). */
  addUsage(usage: TokenUsage): void;
}

function abortReason(signal: AbortSignal): unknown {
  return signal.reason instanceof Error ? signal.reason : new UpstreamError('UPSTREAM_ABORTED');
}

// Over 80 lines as a factory: its inner functions (acquire, makeRelease, the waiters queue) share the gate's
// counters in one closure; each of them is short.
export function createModelGate(opts: ModelGateOptions): ModelGate {
  const max = Math.max(1, Math.floor(opts.concurrency));
  const queueMax = Math.max(0, Math.floor(opts.queueMax));
  const retryAfterSec = Math.max(1, Math.ceil(opts.queueTimeoutMs / 1000));
  const queue: Waiter[] = [];
  const als = new AsyncLocalStorage<Scope>();
  let inFlight = 0;

  const makeRelease = (): Release => {
    let done = false;
    return () => {
      if (done) return;
      done = true;
      const next = queue.shift();
      if (next)
        next.grant(makeRelease()); // hand the slot over: inFlight stays the same
      else inFlight--;
    };
  };

  const acquire = (signal?: AbortSignal): Promise<Release> => {
    if (signal?.aborted) return Promise.reject(abortReason(signal));
    if (inFlight < max && queue.length === 0) {
      inFlight++;
      return Promise.resolve(makeRelease());
    }
    if (queue.length >= queueMax) return Promise.reject(new BusyError(retryAfterSec));
    return new Promise<Release>((resolve, reject) => {
      const cleanup = () => {
        clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
      };
      const remove = () => {
        const i = queue.indexOf(waiter);
        if (i >= 0) queue.splice(i, 1);
      };
      const waiter: Waiter = {
        grant: (release) => {
          cleanup();
          resolve(release);
        },
        fail: (err) => {
          cleanup();
          remove();
          reject(err);
        },
      };
      const onAbort = () => waiter.fail(abortReason(signal!));
      const timer = setTimeout(() => waiter.fail(new BusyError(retryAfterSec)), opts.queueTimeoutMs);
      timer.unref();
      signal?.addEventListener('abort', onAbort, { once: true });
      queue.push(waiter);
    });
  };

  const gate: ModelGate = {
    concurrency: max,
    get inFlight() {
      return inFlight;
    },
    get queued() {
      return queue.length;
    },
    acquire,
    async reserve(signal) {
      const scope = als.getStore();
      if (scope?.held) return; // already holding one for this request
      const release = await acquire(signal);
      if (!scope) {
        release();
        return;
      }
      scope.held = release;
    },
    scope() {
      return (_req, res, next) => {
        const scope: Scope = { held: null, usage: { promptTokens: 0, completionTokens: 0, calls: 0 } };
        res.locals['modelUsage'] = scope.usage;
        res.once('close', () => {
          const held = scope.held;
          scope.held = null;
          held?.();
        });
        als.run(scope, next);
      };
    },
    takeReserved() {
      const scope = als.getStore();
      const held = scope?.held ?? null;
      if (scope) scope.held = null;
      return held;
    },
    addUsage(usage) {
      const scope = als.getStore();
      if (!scope) return;
      scope.usage.promptTokens += usage.promptTokens || 0;
      scope.usage.completionTokens += usage.completionTokens || 0;
      scope.usage.calls++;
    },
  };
  return gate;
}

export interface GateHooks {
  /** Called with the usage of each finished call (for token metrics). */
  onUsage?: (usage: TokenUsage) => void;
  /** Called with every model-call failure except aborts (for upstream error metrics). */
  onError?: (err: unknown) => void;
}

/** The LlmClient every route uses: each call (streamed or not) runs inside a gate slot. */
export function gateLlm(llm: LlmClient, gate: ModelGate, hooks: GateHooks = {}): LlmClient {
  const slot = (signal?: AbortSignal) => {
    const reserved = gate.takeReserved();
    return reserved ? Promise.resolve(reserved) : gate.acquire(signal);
  };
  const used = (usage: TokenUsage) => {
    gate.addUsage(usage);
    hooks.onUsage?.(usage);
  };
  const failed = (err: unknown) => {
    if (err instanceof UpstreamError && err.code === 'UPSTREAM_ABORTED') return;
    if (err instanceof BusyError) return;
    hooks.onError?.(err);
  };
  return {
    get model() {
      return llm.model;
    },
    async chat(req: ChatRequest): Promise<ChatResult> {
      const release = await slot(req.signal);
      try {
        const result = await llm.chat(req);
        if (result.usage) used(result.usage);
        return result;
      } catch (err) {
        failed(err);
        throw err;
      } finally {
        release();
      }
    },
    async *chatStream(req: ChatRequest): AsyncGenerator<StreamChunk> {
      const release = await slot(req.signal);
      try {
        for await (const chunk of llm.chatStream(req)) {
          if (chunk.type === 'finish' && chunk.usage) used(chunk.usage);
          yield chunk;
        }
      } catch (err) {
        failed(err);
        throw err;
      } finally {
        release();
      }
    },
  };
}
