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
 * response closes. The hand-over goes through the request's AbortSignal, passed
 * explicitly: `gate.scope()` (mounted by app.ts in front of the API routes) creates the
 * request's scope at `res.locals`; `abortOnClientClose(res)` binds its signal to it
 * (`bindModelScope`), a derived signal inherits it (`inheritModelScope`, used by
 * withFailFast), and the gate finds the scope from `ChatRequest.signal`. Not
 * AsyncLocalStorage: that turns on promise hooks for every promise in the process
 * (measured in docs/BENCHMARKS.md, issue 17).
 */
import type { RequestHandler } from 'express';
import { ApiError } from '../errors';
import { UpstreamError } from '../llm/errors';
import type { ChatRequest, ChatResult, DeltaSink, LlmClient, StreamEnd, TokenUsage } from '../llm/types';

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
  /** The gate that created this scope: another gate (tests make several) ignores it. */
  owner: ModelGate;
  /** A slot reserved by `reserve()` and not yet used by a model call. */
  held: Release | null;
  /** Token usage of this request's model calls, summed (also at res.locals.modelUsage). */
  usage: RequestUsage;
  /** The response has closed: a slot reserved now would never be released by the close. */
  closed: boolean;
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
   * When `signal` is bound to no scope of this gate it only checks admission (waits for
   * a slot and gives it back).
   */
  reserve(signal?: AbortSignal): Promise<void>;
  /** Express middleware: the per-request scope that carries a reservation to the model call. */
  scope(): RequestHandler;
  /** The slot reserved by the request `signal` belongs to, if any (taken: the caller must release it). */
  takeReserved(signal?: AbortSignal): Release | null;
  /** Adds a model call's usage to its request's total (no-op when `signal` has no scope). */
  addUsage(usage: TokenUsage, signal?: AbortSignal): void;
}

/** Where `gate.scope()` leaves the request's scope for `bindModelScope`. */
const SCOPE_LOCAL = 'modelGateScope';
/** Request signal → its request's scope (weak: a finished request's signal is collected). */
const scopeBySignal = new WeakMap<AbortSignal, Scope>();

/** Binds a request's AbortSignal to the scope `gate.scope()` created for it (no-op outside one). */
export function bindModelScope(locals: Record<string, unknown>, signal: AbortSignal): void {
  const scope = locals[SCOPE_LOCAL] as Scope | undefined;
  if (scope) scopeBySignal.set(signal, scope);
}

/**
 * A signal derived from a request's signal belongs to the same request. Every signal derived
 * for a model call (AbortController, AbortSignal.any …) must be passed through this, as
 * withFailFast does: a call whose signal has no scope queues for a second slot while its
 * request holds the reserved one (at MODEL_CONCURRENCY=1, BUSY by its own reservation).
 */
export function inheritModelScope(derived: AbortSignal, from: AbortSignal | undefined): void {
  const scope = from && scopeBySignal.get(from);
  if (scope) scopeBySignal.set(derived, scope);
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

  const scopeOf = (signal?: AbortSignal): Scope | undefined => {
    const scope = signal && scopeBySignal.get(signal);
    return scope && scope.owner === gate ? scope : undefined;
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
      const scope = scopeOf(signal);
      if (scope?.held) return; // already holding one for this request
      const release = await acquire(signal);
      // Outside a scope only admission is checked; a request whose response closed while it
      // waited (the client left during the offline rules) gives the slot straight back.
      if (!scope || scope.closed) {
        release();
        return;
      }
      scope.held = release;
    },
    scope() {
      return (_req, res, next) => {
        const scope: Scope = { owner: gate, held: null, usage: { promptTokens: 0, completionTokens: 0, calls: 0 }, closed: false };
        res.locals['modelUsage'] = scope.usage;
        res.locals[SCOPE_LOCAL] = scope;
        res.once('close', () => {
          scope.closed = true;
          const held = scope.held;
          scope.held = null;
          held?.();
        });
        next();
      };
    },
    takeReserved(signal) {
      const scope = scopeOf(signal);
      const held = scope?.held ?? null;
      if (scope) scope.held = null;
      return held;
    },
    addUsage(usage, signal) {
      const scope = scopeOf(signal);
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
    const reserved = gate.takeReserved(signal);
    return reserved ? Promise.resolve(reserved) : gate.acquire(signal);
  };
  const used = (usage: TokenUsage, signal?: AbortSignal) => {
    gate.addUsage(usage, signal);
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
        if (result.usage) used(result.usage, req.signal);
        return result;
      } catch (err) {
        failed(err);
        throw err;
      } finally {
        release();
      }
    },
    async chatStream(req: ChatRequest, onDelta: DeltaSink): Promise<StreamEnd> {
      const release = await slot(req.signal);
      try {
        const end = await llm.chatStream(req, onDelta);
        if (end.usage) used(end.usage, req.signal);
        return end;
      } catch (err) {
        failed(err);
        throw err;
      } finally {
        release();
      }
    },
  };
}
