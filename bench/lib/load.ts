/** Load generation for bench:relay: streaming POSTs over node:http/https keep-alive agents. */
import http from 'node:http';
import https from 'node:https';

export interface Target {
  name: string;
  protocol: 'http:' | 'https:';
  port: number;
  ca?: Buffer;
  /** Request path and body for stream number i. */
  request(i: number): { path: string; body: string };
  /** Whether a piece of the body carries the first token / the end marker. */
  firstToken: string;
  endMarker: string;
  warmPath: string;
}

export interface StreamResult {
  ok: boolean;
  ttftMs: number;
  totalMs: number;
  error?: string;
}

export function makeAgent(t: Target): http.Agent {
  const opts = { keepAlive: true, maxSockets: Infinity, maxFreeSockets: 4096, keepAliveMsecs: 30_000 };
  return t.protocol === 'https:' ? new https.Agent({ ...opts, ca: t.ca }) : new http.Agent(opts);
}

function send(
  t: Target,
  agent: http.Agent,
  method: string,
  path: string,
  body: string | undefined,
  onData: (s: string) => void,
): Promise<number> {
  const mod = t.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const req = mod.request(
      {
        host: t.protocol === 'https:' ? 'localhost' : '127.0.0.1',
        port: t.port,
        method,
        path,
        agent,
        headers: body ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } : {},
      },
      (res) => {
        res.setEncoding('utf8');
        res.on('data', onData);
        res.on('end', () => resolve(res.statusCode ?? 0));
        res.on('error', reject);
      },
    );
    req.setTimeout(120_000, () => req.destroy(new Error('timeout')));
    req.on('error', reject);
    req.end(body);
  });
}

/** Opens (about) n keep-alive connections with quick requests. */
export async function warm(t: Target, agent: http.Agent, n: number): Promise<void> {
  await Promise.all(Array.from({ length: n }, () => send(t, agent, 'GET', t.warmPath, undefined, () => undefined).catch(() => 0)));
}

export async function stream(t: Target, agent: http.Agent, i: number): Promise<StreamResult> {
  const { path, body } = t.request(i);
  const t0 = performance.now();
  let ttft = -1;
  let tail = '';
  let ended = false;
  try {
    const status = await send(t, agent, 'POST', path, body, (s) => {
      if (ttft < 0 && (tail + s).includes(t.firstToken)) ttft = performance.now() - t0;
      if (!ended && (tail + s).includes(t.endMarker)) ended = true;
      tail = s.slice(-32);
    });
    const totalMs = performance.now() - t0;
    if (status !== 200) return { ok: false, ttftMs: ttft, totalMs, error: `HTTP ${status}` };
    if (ttft < 0 || !ended) return { ok: false, ttftMs: ttft, totalMs, error: 'incomplete' };
    return { ok: true, ttftMs: ttft, totalMs };
  } catch (err) {
    return { ok: false, ttftMs: ttft, totalMs: performance.now() - t0, error: (err as Error).message };
  }
}

export function percentile(xs: number[], p: number): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))]!;
}

/** The middle value of xs (the mean of the two middle ones for an even count); NaN if empty. */
export function median(xs: readonly number[]): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

export interface LevelResult {
  target: string;
  concurrency: number;
  streams: number;
  errors: number;
  ttftP50Ms: number;
  ttftP99Ms: number;
  wallMs: number;
  /** Completed streams per second. */
  throughput: number;
  firstError?: string;
}

/** `streams` streams with `concurrency` at a time; stream ids start at `offset`. */
export async function runLevel(t: Target, agent: http.Agent, concurrency: number, streams: number, offset = 0): Promise<LevelResult> {
  await warm(t, agent, concurrency);
  const results: StreamResult[] = [];
  let next = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: Math.min(concurrency, streams) }, async () => {
      while (next < streams) {
        const i = next++;
        results.push(await stream(t, agent, offset + i));
      }
    }),
  );
  const wallMs = performance.now() - t0;
  const ok = results.filter((r) => r.ok);
  const ttfts = ok.map((r) => r.ttftMs);
  return {
    target: t.name,
    concurrency,
    streams,
    errors: results.length - ok.length,
    ttftP50Ms: percentile(ttfts, 50),
    ttftP99Ms: percentile(ttfts, 99),
    wallMs,
    throughput: (ok.length / wallMs) * 1000,
    firstError: results.find((r) => !r.ok)?.error,
  };
}

export interface SteadyResult extends LevelResult {
  /** Requests started per second. */
  ratePerSec: number;
  /** Mean and peak number of streams open at once while requests were arriving. */
  openMean: number;
  openPeak: number;
}

/**
 * Steady arrival (office traffic rather than one synchronised burst): a new stream every
 * 1000/ratePerSec ms for `arrivalMs`, on a schedule that does not drift with timer lateness;
 * resolves when every stream has ended. Streams started in the first `rampMs` (while the
 * number open is still climbing) are run but left out of the figures.
 */
export async function runSteady(
  t: Target,
  agent: http.Agent,
  ratePerSec: number,
  arrivalMs: number,
  opts: { offset?: number; warmConnections?: number; rampMs?: number } = {},
): Promise<SteadyResult> {
  const { offset = 0, warmConnections = 0, rampMs = 0 } = opts;
  if (warmConnections > 0) await warm(t, agent, warmConnections);
  const total = Math.max(1, Math.round((ratePerSec * arrivalMs) / 1000));
  const gapMs = 1000 / ratePerSec;
  const pending: Promise<StreamResult>[] = [];
  const measured: boolean[] = [];
  let open = 0;
  let openPeak = 0;
  let openSum = 0;
  let openSamples = 0;
  const t0 = performance.now();
  for (let i = 0; i < total; i++) {
    const due = t0 + i * gapMs;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    open++;
    openPeak = Math.max(openPeak, open);
    const afterRamp = due - t0 >= rampMs;
    if (afterRamp) {
      openSum += open;
      openSamples++;
    }
    measured.push(afterRamp);
    pending.push(stream(t, agent, offset + i).finally(() => open--));
  }
  const results = (await Promise.all(pending)).filter((_, i) => measured[i]);
  const wallMs = performance.now() - t0;
  const ok = results.filter((r) => r.ok);
  const ttfts = ok.map((r) => r.ttftMs);
  return {
    target: t.name,
    concurrency: openPeak,
    streams: results.length,
    errors: results.length - ok.length,
    ttftP50Ms: percentile(ttfts, 50),
    ttftP99Ms: percentile(ttfts, 99),
    wallMs,
    throughput: (ok.length / wallMs) * 1000,
    firstError: results.find((r) => !r.ok)?.error,
    ratePerSec,
    openMean: openSamples ? openSum / openSamples : 0,
    openPeak,
  };
}

/**
 * Unmeasured warm-up of one target: `oneToken` streams, 64 at a time, on `oneTokenTarget` (the request
 * path's JIT, TLS sessions, keep-alive sockets), then `full` whole streams at once on `t` (the
 * per-token path). Resolves with the number of failed streams.
 */
export async function warmUp(
  t: Target,
  oneTokenTarget: Target,
  agent: http.Agent,
  opts: { oneToken: number; full: number; offset: number },
): Promise<number> {
  let errors = 0;
  if (opts.oneToken > 0) errors += (await runLevel(oneTokenTarget, agent, Math.min(64, opts.oneToken), opts.oneToken, opts.offset)).errors;
  if (opts.full > 0) errors += (await runLevel(t, agent, opts.full, opts.full, opts.offset)).errors;
  return errors;
}
