/**
 * bench:relay — the same streaming workload (fake model: first token after ~150 ms,
 * ~40 tokens/s, 150–400 tokens per answer) sent
 *   (a) straight to the fake model server,
 *   (b) through nginx as a TLS reverse proxy (proxy_buffering off; skipped when nginx is missing),
 *   (c) through the relay (child process, HTTPS, POST /api/summarize streaming the fake's output)
 * at 1, 64, 256 and 1,000 concurrent streams. Reports time to first token p50/p99, wall
 * time, throughput, errors and the relay's peak RSS, as ratios against (a).
 * The last line is one JSON object.
 *
 *   npm run bench:relay [-- --levels 1,64,256,1000 --single 5]
 */
import { execFileSync, spawn, fork, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { loadConfig } from '../server/config';
import { loadTls } from '../server/tls';
import { makeAgent, runLevel, type LevelResult, type Target } from './lib/load';

const arg = (name: string, def: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 && process.argv[i + 1] ? process.argv[i + 1]! : def;
};
const LEVELS = arg('levels', '1,64,256,1000').split(',').map(Number);
const SINGLE = Number(arg('single', '5')); // sequential streams at concurrency 1
const children: ChildProcess[] = [];

function cleanup(): void {
  for (const c of children) if (c.exitCode === null && !c.killed) c.kill('SIGTERM');
}
process.on('exit', cleanup);
process.on('SIGINT', () => {
  cleanup();
  process.exit(130);
});

/**
 * Starts a child and resolves with the first JSON line it prints holding `key`. TS files run
 * with tsx; the relay runs from the compiled build (`npm run build:server`), as `npm start` does.
 */
async function startChild(file: string, env: NodeJS.ProcessEnv, key: string, ipc = false): Promise<{ child: ChildProcess; info: Record<string, unknown> }> {
  const loader = file.endsWith('.ts') ? ['--import', 'tsx'] : [];
  const profile = env.BENCH_RELAY_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${env.BENCH_RELAY_CPU_PROF}`] : [];
  const child = ipc
    ? fork(file, [], { execArgv: [...loader, ...profile], env, stdio: ['ignore', 'pipe', 'inherit', 'ipc'] })
    : spawn(process.execPath, [...loader, file], { env, stdio: ['ignore', 'pipe', 'inherit'] });
  children.push(child);
  const rl = readline.createInterface({ input: child.stdout! });
  const info = await new Promise<Record<string, unknown>>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`${path.basename(file)} exited (${code})`)));
    rl.on('line', (line) => {
      try {
        const o = JSON.parse(line) as Record<string, unknown>;
        if (key in o && !('level' in o)) resolve(o);
      } catch {
        /* a log line */
      }
    });
  });
  return { child, info };
}

/** The relay child compiled with the server (tsconfig.build.json), built now if needed. */
function compiledRelayChild(): string {
  const root = path.join(__dirname, '..');
  const built = path.join(root, 'dist/node/bench/lib/relay-child.js');
  execFileSync(process.execPath, [path.join(root, 'node_modules/typescript/bin/tsc'), '-p', path.join(root, 'tsconfig.build.json')], { stdio: 'inherit' });
  return built;
}

async function freePort(): Promise<number> {
  const srv = net.createServer();
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
  const port = (srv.address() as net.AddressInfo).port;
  await new Promise<void>((r) => srv.close(() => r()));
  return port;
}

function which(cmd: string): string | null {
  for (const dir of (process.env.PATH ?? '').split(':').concat(['/usr/sbin', '/sbin'])) {
    const p = path.join(dir, cmd);
    if (existsSync(p)) return p;
  }
  return null;
}

async function startNginx(upstreamPort: number, certDir: string): Promise<{ port: number; child: ChildProcess } | null> {
  const bin = which('nginx');
  if (!bin) return null;
  const prefix = mkdtempSync(path.join(os.tmpdir(), 'sseugi-nginx-'));
  for (const d of ['body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']) mkdirSync(path.join(prefix, d));
  const port = await freePort();
  const conf = readFileSync(path.join(__dirname, 'nginx.conf.template'), 'utf8')
    .replaceAll('{{PREFIX}}', prefix)
    .replaceAll('{{PORT}}', String(port))
    .replaceAll('{{UPSTREAM_PORT}}', String(upstreamPort))
    .replaceAll('{{CERT}}', path.join(certDir, 'localhost.crt'))
    .replaceAll('{{KEY}}', path.join(certDir, 'localhost.key'));
  const confPath = path.join(prefix, 'nginx.conf');
  writeFileSync(confPath, conf);
  const child = spawn(bin, ['-p', prefix, '-c', confPath], { stdio: ['ignore', 'ignore', 'inherit'] });
  children.push(child);
  // Wait until it accepts connections.
  for (let i = 0; i < 100; i++) {
    const ok = await new Promise<boolean>((r) => {
      const s = net.connect(port, '127.0.0.1', () => (s.destroy(), r(true)));
      s.on('error', () => r(false));
    });
    if (ok) return { port, child };
    if (child.exitCode !== null) break;
    await new Promise((r) => setTimeout(r, 50));
  }
  console.error(`nginx did not start (see ${prefix}/error.log)`);
  return null;
}

const fmt = (n: number, d = 1) => (Number.isFinite(n) ? n.toFixed(d) : '—');

void (async () => {
  const certDir = mkdtempSync(path.join(os.tmpdir(), 'sseugi-bench-certs-'));
  await loadTls(loadConfig({} as NodeJS.ProcessEnv), certDir);
  const ca = readFileSync(path.join(certDir, 'ca.crt'));

  const fake = await startChild(path.join(__dirname, 'lib/fake-model.ts'), process.env, 'url');
  const fakePort = fake.info.port as number;
  const relay = await startChild(
    compiledRelayChild(),
    {
      ...process.env,
      PORT: String(await freePort()),
      HOST: '127.0.0.1',
      LLM_BASE_URL: String(fake.info.url),
      LOG_LEVEL: 'error',
      BENCH_CERT_DIR: certDir,
      AUTH_MODE: 'none',
      RATE_LIMIT_PER_MIN: '0',
      MODEL_CONCURRENCY: '4000',
      QUEUE_MAX: '8000',
      LLM_CONCURRENCY: '4000',
    },
    'port',
    true,
  );
  const nginx = await startNginx(fakePort, certDir);
  if (!nginx) console.log('NOTE: nginx is not installed (or did not start): the nginx column is skipped.');

  const chatBody = (i: number) =>
    JSON.stringify({ model: 'exaone3.5:7.8b', stream: true, messages: [{ role: 'user', content: `#${i} 다음 문서를 요약하세요: 회의록` }] });
  const direct: Target = {
    name: 'direct',
    protocol: 'http:',
    port: fakePort,
    request: (i) => ({ path: '/v1/chat/completions', body: chatBody(i) }),
    firstToken: '"content"',
    endMarker: '[DONE]',
    warmPath: '/v1/models',
  };
  const viaNginx: Target | null = nginx ? { ...direct, name: 'nginx', protocol: 'https:', port: nginx.port, ca } : null;
  const viaRelay: Target = {
    name: 'relay',
    protocol: 'https:',
    port: relay.info.port as number,
    ca,
    request: (i) => ({ path: '/api/summarize', body: JSON.stringify({ text: `#${i} 회의록` }) }),
    firstToken: 'event: text',
    endMarker: 'event: done',
    warmPath: '/manifest.xml',
  };
  const targets = [direct, viaNginx, viaRelay].filter((t): t is Target => t !== null);
  const agents = new Map(targets.map((t) => [t.name, makeAgent(t)]));

  const rows: LevelResult[] = [];
  for (const c of LEVELS) {
    const streams = c === 1 ? SINGLE : c;
    for (const t of targets) {
      const r = await runLevel(t, agents.get(t.name)!, c, streams, c * 10);
      rows.push(r);
      console.log(
        `${t.name.padEnd(6)} c=${String(c).padStart(4)}  ttft p50 ${fmt(r.ttftP50Ms).padStart(7)} ms  p99 ${fmt(r.ttftP99Ms).padStart(7)} ms  wall ${fmt(r.wallMs / 1000, 2)} s  ${fmt(r.throughput, 2)} streams/s  errors ${r.errors}${r.firstError ? ` (${r.firstError})` : ''}`,
      );
    }
  }

  const rss = await new Promise<{ rss: number; peak: number; maxRss: number }>((resolve) => {
    relay.child.once('message', (m) => resolve(m as { rss: number; peak: number; maxRss: number }));
    relay.child.send({ type: 'rss' });
  });
  const relayPeakRssMb = Math.max(rss.peak, rss.maxRss) / 1024 / 1024;

  const at = (name: string, c: number) => rows.find((r) => r.target === name && r.concurrency === c);
  const byConcurrency = LEVELS.map((c) => {
    const d = at('direct', c)!;
    const n = at('nginx', c);
    const r = at('relay', c)!;
    return {
      concurrency: c,
      direct: { ttftP50Ms: +fmt(d.ttftP50Ms, 2), ttftP99Ms: +fmt(d.ttftP99Ms, 2), wallS: +fmt(d.wallMs / 1000, 3), errors: d.errors },
      nginx: n ? { ttftAddedP50Ms: +fmt(n.ttftP50Ms - d.ttftP50Ms, 2), ttftAddedP99Ms: +fmt(n.ttftP99Ms - d.ttftP99Ms, 2), throughputVsDirect: +fmt(n.throughput / d.throughput, 3), errors: n.errors } : null,
      relay: {
        ttftAddedP50Ms: +fmt(r.ttftP50Ms - d.ttftP50Ms, 2),
        ttftAddedP99Ms: +fmt(r.ttftP99Ms - d.ttftP99Ms, 2),
        throughputVsDirect: +fmt(r.throughput / d.throughput, 3),
        throughputVsNginx: n ? +fmt(r.throughput / n.throughput, 3) : null,
        wallS: +fmt(r.wallMs / 1000, 3),
        errors: r.errors,
      },
    };
  });
  const worst = (f: (x: (typeof byConcurrency)[number]) => number, pick: (a: number, b: number) => number) =>
    byConcurrency.map(f).reduce((a, b) => pick(a, b));
  const summary = {
    bench: 'relay',
    levels: LEVELS,
    // Headline figures: the worst level for each.
    ttftAddedP50Ms: worst((x) => x.relay.ttftAddedP50Ms, Math.max),
    ttftAddedP99Ms: worst((x) => x.relay.ttftAddedP99Ms, Math.max),
    throughputVsDirect: worst((x) => x.relay.throughputVsDirect, Math.min),
    throughputVsNginx: viaNginx ? worst((x) => x.relay.throughputVsNginx ?? Infinity, Math.min) : null,
    errorsAt1000: at('relay', 1000)?.errors ?? null,
    relayPeakRssMb: +relayPeakRssMb.toFixed(1),
    nginx: Boolean(viaNginx),
    byConcurrency,
  };
  for (const a of agents.values()) a.destroy();
  const relayExit = new Promise((r) => relay.child.once('exit', r));
  cleanup();
  await Promise.race([relayExit, new Promise((r) => setTimeout(r, 3000))]);
  console.log(JSON.stringify(summary));
  process.exit(0);
})().catch((err: unknown) => {
  console.error(err);
  cleanup();
  process.exit(1);
});
