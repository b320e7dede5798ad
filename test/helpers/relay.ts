/** Starts the real relay (HTTPS, Express) for tests, with its logs captured. */
import { mkdtempSync, readFileSync } from 'node:fs';
import https from 'node:https';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import type { EventOf, STREAM_EVENTS, StreamPath } from '../../kernel/contract/events';
import { mintApiKey } from '../../server/auth/apikey';
import { loadConfig, type Config } from '../../server/config';
import { createLogger, startRelay, type RunningRelay } from '../../server/relay';
import { loadTls, type TlsMaterial } from '../../server/tls';

let cachedTls: Promise<TlsMaterial> | null = null;
const certDir = mkdtempSync(path.join(os.tmpdir(), 'sseugi-certs-'));

/** Development certificates generated once per test process in a temp folder. */
export function testTls(config: Config): Promise<TlsMaterial> {
  cachedTls ??= loadTls(config, certDir);
  return cachedTls;
}

export interface TestRelay extends RunningRelay {
  ca: Buffer;
  logs: string[];
  config: Config;
}

export async function startTestRelay(env: Record<string, string> = {}): Promise<TestRelay> {
  const config: Config = { ...loadConfig({ LOG_LEVEL: 'info', ...env } as NodeJS.ProcessEnv), PORT: 0 as unknown as number };
  const tls = await testTls(config);
  const logs: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _enc, cb) {
      logs.push(chunk.toString('utf8'));
      cb();
    },
  });
  const relay = await startRelay({ config, tls, logger: createLogger(config, sink) });
  const ca = readFileSync(path.join(certDir, 'ca.crt'));
  return { ...relay, ca, logs, config };
}

/**
 * A relay that accepts one API key, minted now for `name` (AUTH_MODE=apikey), with `env` on
 * top: the relay, and the key a client sends.
 */
export async function startKeyedRelay(env: Record<string, string>, name = 'alice'): Promise<{ relay: TestRelay; key: string }> {
  const minted = await mintApiKey(name);
  const relay = await startTestRelay({ AUTH_MODE: 'apikey', API_KEYS: minted.entry, ...env });
  return { relay, key: minted.key };
}

export interface HttpsResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A request to the relay over HTTPS, trusting the test CA. */
export function httpsRequest(
  relay: { port: number; ca: Buffer },
  method: string,
  urlPath: string,
  opts: { body?: string | Buffer; headers?: Record<string, string>; signal?: AbortSignal } = {},
): Promise<HttpsResponse> {
  return new Promise((resolve, reject) => {
    const req = https.request(
      {
        host: 'localhost',
        port: relay.port,
        method,
        path: urlPath,
        ca: relay.ca,
        headers: opts.headers,
        signal: opts.signal,
        agent: false,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(opts.body);
  });
}

export function postJson(relay: { port: number; ca: Buffer }, urlPath: string, body: unknown, headers: Record<string, string> = {}) {
  return httpsRequest(relay, 'POST', urlPath, {
    body: JSON.stringify(body),
    headers: { 'content-type': 'application/json', ...headers },
  });
}

/**
 * One event of a relay stream, typed by the kernel's contract for endpoint `P` (every streaming
 * endpoint by default). parseSse does not validate it: the contract test
 * (test/unit/kernel/contract/relay-events.test.ts) does, and the tests assert on the values.
 */
export type SseEvent<P extends StreamPath = StreamPath> = P extends StreamPath ? EventOf<(typeof STREAM_EVENTS)[P]> : never;

/** Parses an SSE body into events (for tests reading a whole stream of endpoint `P`). */
export function parseSse<P extends StreamPath = StreamPath>(body: string): Array<SseEvent<P>> {
  const out: Array<SseEvent<P>> = [];
  for (const block of body.split('\n\n')) {
    let event = 'message';
    const data: string[] = [];
    for (const line of block.split('\n')) {
      if (line.startsWith('event: ')) event = line.slice(7);
      else if (line.startsWith('data: ')) data.push(line.slice(6));
    }
    if (data.length) out.push({ event, data: JSON.parse(data.join('\n')) } as SseEvent<P>);
  }
  return out;
}
