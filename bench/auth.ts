/**
 * bench:auth — what an attacker can make the relay pay (issue 13):
 *
 * 1. Time to reject a wrong API key with 1 and with 100 configured keys, over HTTPS
 *    (keep-alive, sequential requests to GET /api/health, AUTH_FAILURES_PER_MIN=0),
 *    and the verifier alone in-process; the ratio 100 keys / 1 key should be ~1.
 * 2. GET /api/health latency while the offline-proofreading worker pool is saturated:
 *    10 clients each sending maximum-size proofreads (≈600,000 characters full of
 *    findings, model off) back to back; p50/p99/max of a probe every 20 ms.
 *
 * The relay runs as a child process (bench/lib/relay-child.ts under tsx), so the load
 * generator does not share its event loop. The last line is one JSON object.
 *
 *   npm run bench:auth [-- --seconds 15]
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import https from 'node:https';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { createApiKeyVerifier, mintApiKey, parseApiKeyEntry } from '../server/auth/apikey';
import { loadConfig } from '../server/config';
import { loadTls } from '../server/tls';

const arg = (name: string, def: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 && process.argv[i + 1] ? process.argv[i + 1]! : def;
};
const SECONDS = Number(arg('seconds', '15'));
const children: ChildProcess[] = [];

async function freePort(): Promise<number> {
  const s = net.createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const port = (s.address() as net.AddressInfo).port;
  await new Promise((r) => s.close(r));
  return port;
}

async function startRelay(env: Record<string, string>, certDir: string): Promise<{ port: number; child: ChildProcess }> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(__dirname, 'lib/relay-child.ts')], {
    env: {
      ...process.env,
      HOST: '127.0.0.1',
      PORT: String(await freePort()),
      LOG_LEVEL: 'error',
      BENCH_CERT_DIR: certDir,
      STATE_DIR: mkdtempSync(path.join(os.tmpdir(), 'sseugi-bench-state-')),
      LLM_BASE_URL: 'http://127.0.0.1:9/v1',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  children.push(child);
  const rl = readline.createInterface({ input: child.stdout! });
  const port = await new Promise<number>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`relay exited (${code})`)));
    rl.on('line', (line) => {
      try {
        const o = JSON.parse(line) as { port?: number; level?: number };
        if (o.port && o.level === undefined) resolve(o.port);
      } catch {
        /* log line */
      }
    });
  });
  return { port, child };
}

function stop(child: ChildProcess): Promise<void> {
  return new Promise((r) => {
    child.once('exit', () => r());
    child.kill('SIGTERM');
  });
}

function request(
  agent: https.Agent,
  port: number,
  method: string,
  p: string,
  headers: Record<string, string> = {},
  body?: string,
): Promise<{ status: number; ms: number }> {
  const t0 = performance.now();
  return new Promise((resolve, reject) => {
    const req = https.request({ host: 'localhost', port, method, path: p, agent, headers }, (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode ?? 0, ms: performance.now() - t0 }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(s.length * p))]!;
};
const round = (x: number, d = 3) => Math.round(x * 10 ** d) / 10 ** d;

async function rejectOverHttps(keyCount: number, certDir: string, ca: Buffer): Promise<{ medianMs: number; p99Ms: number }> {
  const entries: string[] = [];
  for (let i = 0; i < keyCount; i++) entries.push((await mintApiKey(`user${i}`)).entry);
  const relay = await startRelay(
    { AUTH_MODE: 'apikey', API_KEYS: entries.join(','), AUTH_FAILURES_PER_MIN: '0', RATE_LIMIT_PER_MIN: '0' },
    certDir,
  );
  const agent = new https.Agent({ keepAlive: true, ca, maxSockets: 1 });
  const wrong = (await mintApiKey('nobody')).key;
  const times: number[] = [];
  try {
    for (let i = 0; i < 1200; i++) {
      const r = await request(agent, relay.port, 'GET', '/api/health', { 'x-api-key': wrong });
      if (r.status !== 401) throw new Error(`expected 401, got ${r.status}`);
      if (i >= 200) times.push(r.ms);
    }
  } finally {
    agent.destroy();
    await stop(relay.child);
  }
  return { medianMs: round(pct(times, 0.5)), p99Ms: round(pct(times, 0.99)) };
}

async function verifierAlone(keyCount: number): Promise<number> {
  const entries = [];
  for (let i = 0; i < keyCount; i++) entries.push(parseApiKeyEntry((await mintApiKey(`user${i}`)).entry));
  const verify = createApiKeyVerifier(entries);
  const wrong = (await mintApiKey('nobody')).key;
  for (let i = 0; i < 20_000; i++) verify(wrong);
  const n = 200_000;
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < n; i++) verify(wrong);
  return Number(process.hrtime.bigint() - t0) / n / 1000; // µs per check
}

function maxSizeProofread(): string {
  const line = '그는 됬다 몇일 후에 왔다 .  그리고 안되요. '.repeat(40).slice(0, 2000);
  return JSON.stringify({ paragraphs: Array.from({ length: 300 }, (_, i) => ({ id: `p${i}`, text: line })), options: { model: false } });
}

async function healthUnderRules(certDir: string, ca: Buffer) {
  const relay = await startRelay({ AUTH_MODE: 'none', RATE_LIMIT_PER_MIN: '0', MODEL_CONCURRENCY: '16', QUEUE_MAX: '64' }, certDir);
  const body = maxSizeProofread();
  const load = new https.Agent({ keepAlive: true, ca, maxSockets: 10 });
  const probeAgent = new https.Agent({ keepAlive: true, ca, maxSockets: 1 });
  const headers = { 'content-type': 'application/json' };
  const latencies: number[] = [];
  let proofreads = 0;
  let busy = 0;
  try {
    // Warm the pool.
    await request(load, relay.port, 'POST', '/api/proofread', headers, body);
    for (let i = 0; i < 20; i++) await request(probeAgent, relay.port, 'GET', '/api/health');
    const until = Date.now() + SECONDS * 1000;
    const clients = Array.from({ length: 10 }, async () => {
      while (Date.now() < until) {
        const r = await request(load, relay.port, 'POST', '/api/proofread', headers, body);
        if (r.status === 200) proofreads++;
        else if (r.status === 503) busy++;
        else throw new Error(`proofread answered ${r.status}`);
      }
    });
    const probe = (async () => {
      while (Date.now() < until) {
        latencies.push((await request(probeAgent, relay.port, 'GET', '/api/health')).ms);
        await new Promise((r) => setTimeout(r, 20));
      }
    })();
    await Promise.all([...clients, probe]);
  } finally {
    load.destroy();
    probeAgent.destroy();
    await stop(relay.child);
  }
  return {
    samples: latencies.length,
    p50Ms: round(pct(latencies, 0.5), 1),
    p99Ms: round(pct(latencies, 0.99), 1),
    maxMs: round(Math.max(...latencies), 1),
    proofreads,
    busy,
  };
}

void (async () => {
  const certDir = mkdtempSync(path.join(os.tmpdir(), 'sseugi-bench-certs-'));
  await loadTls(loadConfig({} as NodeJS.ProcessEnv), certDir);
  const ca = readFileSync(path.join(certDir, 'ca.crt'));
  try {
    const one = await rejectOverHttps(1, certDir, ca);
    const hundred = await rejectOverHttps(100, certDir, ca);
    const v1 = await verifierAlone(1);
    const v100 = await verifierAlone(100);
    console.log(
      `wrong key over HTTPS: 1 key ${one.medianMs} ms (p99 ${one.p99Ms}), 100 keys ${hundred.medianMs} ms (p99 ${hundred.p99Ms})`,
    );
    console.log(`verifier alone: 1 key ${v1.toFixed(2)} µs, 100 keys ${v100.toFixed(2)} µs`);
    const health = await healthUnderRules(certDir, ca);
    console.log(
      `/api/health while 10 clients proofread max-size documents for ${SECONDS}s: p50 ${health.p50Ms} ms, p99 ${health.p99Ms} ms, max ${health.maxMs} ms`,
    );
    console.log(
      JSON.stringify({
        bench: 'auth',
        rejectWrongKeyMs: { keys1: one, keys100: hundred, ratio: round(hundred.medianMs / one.medianMs, 2) },
        verifierUs: { keys1: round(v1, 2), keys100: round(v100, 2), ratio: round(v100 / v1, 2) },
        healthWhileRulesSaturated: { seconds: SECONDS, clients: 10, ...health },
        cores: os.availableParallelism(),
        loadavg1: round(os.loadavg()[0]!, 2),
      }),
    );
  } finally {
    for (const c of children) if (c.exitCode === null) c.kill('SIGTERM');
  }
})().catch((err: unknown) => {
  for (const c of children) if (c.exitCode === null) c.kill('SIGTERM');
  console.error(err);
  process.exit(1);
});
