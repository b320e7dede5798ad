/**
 * An LlmClient over several OpenAI-compatible endpoints (one client each).
 *
 * - Each request goes to the healthy endpoint with the fewest requests in flight
 *   (ties rotate, so equal endpoints share the load).
 * - An endpoint that fails (connection refused, timeout, 5xx) is taken out and
 *   probed back in with `GET {base}/models`, backing off between probes.
 * - A request that fails before any output was streamed is retried once on another
 *   healthy endpoint; never once output started (the user already saw part of it).
 * - With no healthy endpoint left, requests still go to the least busy one, so a
 *   single endpoint behaves exactly as a plain client.
 */
import { probeFailureOf, probeModels, type ProbeFailure } from './probe';
import { UpstreamError } from './errors';
import type { ChatRequest, ChatResult, DeltaSink, LlmClient, StreamEnd } from './types';

export interface EndpointStatus {
  /** Base URL without credentials. */
  url: string;
  healthy: boolean;
  inFlight: number;
  /** Code of the last failure (UpstreamError code or a probe result); absent when none. */
  lastError?: string;
}

export interface LlmPool extends LlmClient {
  /** A snapshot of every endpoint. */
  endpoints(): EndpointStatus[];
  /** Feeds an outside health check (e.g. /api/health's probe) into the pool. */
  report(index: number, ok: boolean, errorCode?: string): void;
  /** Stops the probe timers. */
  close(): void;
}

export interface PoolEndpointSpec {
  baseUrl: string;
  client: LlmClient;
}

export interface LlmPoolOptions {
  endpoints: PoolEndpointSpec[];
  model: string;
  apiKey?: string;
  /** First probe delay after a failure; doubles up to probeMaxMs. */
  probeBaseMs?: number;
  probeMaxMs?: number;
  probeTimeoutMs?: number;
  /** Overridable for tests. */
  probe?: (baseUrl: string, signal: AbortSignal) => Promise<boolean>;
  onChange?: (status: EndpointStatus, event: 'down' | 'up') => void;
}

/** The URL without user:password (and without a query that may carry a key). */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    u.username = '';
    u.password = '';
    u.search = '';
    return u.toString().replace(/\/+$/, '');
  } catch {
    return '[invalid url]';
  }
}

interface Endpoint {
  index: number;
  baseUrl: string;
  display: string;
  client: LlmClient;
  healthy: boolean;
  inFlight: number;
  lastError?: string;
  backoffMs: number;
  probeTimer?: NodeJS.Timeout;
  probing: boolean;
}

/** Failures that say the endpoint itself is in trouble (not the request). */
function isEndpointFailure(err: unknown): err is UpstreamError {
  return err instanceof UpstreamError && err.retryable;
}

// Over 80 lines as a factory: its inner functions (pick, markDown/markUp, runProbe, the client
// methods) share the endpoints' health state in one closure; each of them is short.
export function createLlmPool(opts: LlmPoolOptions): LlmPool {
  if (opts.endpoints.length === 0) throw new Error('createLlmPool: no endpoints');
  const probeBaseMs = opts.probeBaseMs ?? 1000;
  const probeMaxMs = opts.probeMaxMs ?? 30_000;
  const probeTimeoutMs = opts.probeTimeoutMs ?? 3000;
  // A probe given in the options (tests) answers true/false or throws; the default is the shared one.
  const custom = opts.probe;
  const probe = custom
    ? async (baseUrl: string, signal: AbortSignal): Promise<ProbeFailure | null> => {
        try {
          return (await custom(baseUrl, signal)) ? null : { code: 'PROBE_HTTP_ERROR', detail: 'HTTP error' };
        } catch (err) {
          return probeFailureOf(err);
        }
      }
    : (baseUrl: string, signal: AbortSignal) => probeModels(baseUrl, opts.apiKey, signal);

  const eps: Endpoint[] = opts.endpoints.map((e, index) => ({
    index,
    baseUrl: e.baseUrl,
    display: redactUrl(e.baseUrl),
    client: e.client,
    healthy: true,
    inFlight: 0,
    backoffMs: probeBaseMs,
    probing: false,
  }));
  let rotor = 0;
  let closed = false;

  const status = (ep: Endpoint): EndpointStatus => {
    const s: EndpointStatus = { url: ep.display, healthy: ep.healthy, inFlight: ep.inFlight };
    if (ep.lastError) s.lastError = ep.lastError;
    return s;
  };

  function markUp(ep: Endpoint): void {
    if (ep.probeTimer) clearTimeout(ep.probeTimer);
    ep.probeTimer = undefined;
    ep.backoffMs = probeBaseMs;
    if (!ep.healthy) {
      ep.healthy = true;
      opts.onChange?.(status(ep), 'up');
    }
  }

  function markDown(ep: Endpoint, code: string): void {
    ep.lastError = code;
    if (ep.healthy) {
      ep.healthy = false;
      opts.onChange?.(status(ep), 'down');
    }
    scheduleProbe(ep);
  }

  function scheduleProbe(ep: Endpoint): void {
    if (closed || ep.probeTimer || ep.probing) return;
    const delay = ep.backoffMs;
    ep.backoffMs = Math.min(ep.backoffMs * 2, probeMaxMs);
    ep.probeTimer = setTimeout(() => {
      ep.probeTimer = undefined;
      void runProbe(ep);
    }, delay);
    ep.probeTimer.unref();
  }

  async function runProbe(ep: Endpoint): Promise<void> {
    if (closed || ep.healthy) return;
    ep.probing = true;
    let failure: ProbeFailure | null;
    try {
      failure = await probe(ep.baseUrl, AbortSignal.timeout(probeTimeoutMs));
    } finally {
      ep.probing = false;
    }
    if (closed) return;
    if (!failure) markUp(ep);
    else {
      ep.lastError = failure.code;
      scheduleProbe(ep);
    }
  }

  /** The healthy endpoint with the fewest requests in flight (none healthy: the least busy of all). */
  function pick(exclude?: Endpoint): Endpoint | undefined {
    const n = eps.length;
    let best: Endpoint | undefined;
    let bestAny: Endpoint | undefined;
    const start = rotor++ % n;
    for (let k = 0; k < n; k++) {
      const ep = eps[(start + k) % n]!;
      if (ep === exclude) continue;
      if (!bestAny || ep.inFlight < bestAny.inFlight) bestAny = ep;
      if (ep.healthy && (!best || ep.inFlight < best.inFlight)) best = ep;
    }
    if (exclude) return best; // a retry only goes to another healthy endpoint
    return best ?? bestAny ?? eps[0];
  }

  function noteResult(ep: Endpoint, err: unknown): void {
    if (isEndpointFailure(err)) markDown(ep, err.code);
  }

  async function chat(req: ChatRequest): Promise<ChatResult> {
    let ep = pick()!;
    for (let attempt = 0; ; attempt++) {
      // The endpoint of this attempt: the counter goes down on the one it went up on,
      // even when the catch below switches `ep` to another endpoint for the retry.
      const current = ep;
      current.inFlight++;
      try {
        const result = await current.client.chat(req);
        if (!current.healthy) markUp(current);
        return result;
      } catch (err) {
        noteResult(current, err);
        const other = attempt === 0 && isEndpointFailure(err) && !req.signal?.aborted ? pick(current) : undefined;
        if (!other) throw err;
        ep = other;
      } finally {
        current.inFlight--;
      }
    }
  }

  async function chatStream(req: ChatRequest, onDelta: DeltaSink): Promise<StreamEnd> {
    let ep = pick()!;
    let started = false;
    const forward: DeltaSink = (text) => {
      started = true;
      onDelta(text);
    };
    for (let attempt = 0; ; attempt++) {
      const current = ep;
      current.inFlight++;
      try {
        const end = await current.client.chatStream(req, forward);
        if (!current.healthy) markUp(current);
        return end;
      } catch (err) {
        noteResult(current, err);
        const other = !started && attempt === 0 && isEndpointFailure(err) && !req.signal?.aborted ? pick(current) : undefined;
        if (!other) throw err;
        ep = other;
      } finally {
        current.inFlight--;
      }
    }
  }

  return {
    model: opts.model,
    chat,
    chatStream,
    endpoints: () => eps.map(status),
    report(index, ok, errorCode) {
      const ep = eps[index];
      if (!ep) return;
      if (ok) markUp(ep);
      else markDown(ep, errorCode ?? 'PROBE_FAILED');
    },
    close() {
      closed = true;
      for (const ep of eps) {
        if (ep.probeTimer) clearTimeout(ep.probeTimer);
        ep.probeTimer = undefined;
      }
    },
  };
}
