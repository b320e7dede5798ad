/** Shared by the reliability tests: streaming requests that can be cut, resource counts. */
import https from 'node:https';

export interface Target {
  port: number;
  ca: Buffer;
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Env for relays under load: no per-user limit, a generous model gate (settings other engineers own). */
export const LOAD_ENV: Record<string, string> = {
  RATE_LIMIT_PER_MIN: '0',
  MODEL_CONCURRENCY: '2000',
  QUEUE_MAX: '5000',
  LOG_LEVEL: 'warn',
};

/**
 * POSTs a JSON body and reads the SSE answer until `cutAfter` bytes of event data
 * arrived (or a `text` event), then destroys the connection. Resolves with what was read.
 */
export function postAndAbort(
  target: Target,
  path: string,
  body: unknown,
  agent: https.Agent | false = false,
  headers: Record<string, string> = {},
): Promise<string> {
  return new Promise((resolve, reject) => {
    let got = '';
    const req = https.request(
      {
        host: 'localhost',
        port: target.port,
        method: 'POST',
        path,
        ca: target.ca,
        agent,
        headers: { 'content-type': 'application/json', ...headers },
      },
      (res) => {
        res.setEncoding('utf8');
        res.on('data', (c: string) => {
          got += c;
          if (got.includes('event: text') || got.includes('event: error') || got.includes('event: done')) {
            req.destroy();
            resolve(got);
          }
        });
        res.on('end', () => resolve(got));
        res.on('error', () => resolve(got));
      },
    );
    req.on('error', (err) => (got ? resolve(got) : reject(err)));
    req.end(JSON.stringify(body));
  });
}

/** Runs `fn(i)` for i in [0, n) with at most `width` at a time. */
export async function inBatches<T>(n: number, width: number, fn: (i: number) => Promise<T>): Promise<T[]> {
  const out: T[] = new Array(n);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(width, n) }, async () => {
      while (next < n) {
        const i = next++;
        out[i] = await fn(i);
      }
    }),
  );
  return out;
}

/** Counts of process.getActiveResourcesInfo() by kind. */
export function resourceCounts(): Record<string, number> {
  const out: Record<string, number> = {};
  for (const r of process.getActiveResourcesInfo()) out[r] = (out[r] ?? 0) + 1;
  return out;
}

/** Polls until `check()` holds or `ms` passed; returns the last result. */
export async function eventually(check: () => boolean | Promise<boolean>, ms = 3000, step = 25): Promise<boolean> {
  const end = Date.now() + ms;
  for (;;) {
    if (await check()) return true;
    if (Date.now() > end) return false;
    await sleep(step);
  }
}

export function getConnections(server: { getConnections(cb: (err: Error | null, n: number) => void): void }): Promise<number> {
  return new Promise((resolve, reject) => server.getConnections((err, n) => (err ? reject(err) : resolve(n))));
}

/** A long Korean reply so streams are still running when cut. */
export const LONG_REPLY = '회의에서는 예산과 일정, 인력 배치를 논의했습니다. '.repeat(40);
