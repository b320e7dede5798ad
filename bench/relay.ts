/**
 * bench:relay — the same streaming workload (fake model: first token after ~150 ms,
 * ~40 tokens/s, 150–400 tokens per answer) sent
 *   (a) straight to the fake model server,
 *   (b) through nginx as a TLS reverse proxy (proxy_buffering off; skipped when nginx is missing),
 *   (c) through the relay (child process, HTTPS, POST /api/summarize streaming the fake's output)
 * after an unmeasured warm-up (per target: 512 one-token answers, 64 at a time, then 4 whole streams at
 * once: JIT, TLS sessions, keep-alive sockets), one stream at a time (`--single` one-token
 * answers in sequence: time to first token), then at 64, 256 and 1,000 concurrent streams
 * (each level one synchronised burst), then as a steady arrival (a fixed rate that keeps ~500 streams open: office traffic). Reports time to
 * first token p50/p99, wall time, throughput, errors, the relay's CPU time per request
 * (`process.cpuUsage()` of the relay process over a level / its requests; the one-token level
 * is run `--cost-repeats` times and its median reported), its RSS at rest (after start-up and
 * warm-up) and at its peak, as differences and ratios against (a). The last line is one JSON
 * object.
 *
 * nginx is the anchor of the comparison: without it the benchmark exits 2 with the install
 * line, unless `--no-nginx` is given.
 *
 *   npm run bench:relay [-- --levels 1,64,256,1000 --single 20 --steady-open 500 --steady-seconds 16
 *                          --cost-requests 1000 --cost-repeats 3 --warmup-one-token 64 --warmup-full 4
 *                          --no-warmup --no-nginx --nginx /path/to/nginx --profile DIR --heap-snapshot DIR]
 *
 * --profile DIR writes CPU profiles of the relay during the largest burst alone and during the
 * one-token level
 * (summarise it with `npx tsx bench/profile-summary.ts FILE`); --heap-snapshot DIR writes a
 * heap snapshot of the relay 2 s into the largest burst (all its streams open).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../server/config';
import { loadTls } from '../server/tls';
import { makeAgent, median, runLevel, runSteady, warmUp, type LevelResult, type SteadyResult, type Target } from './lib/load';
import { parseRelayOptions } from './lib/relay-options';
import { adopt, ask, childCpuMicros, cleanup, compiledChildren, freePort, relayBenchEnv, startChild } from './lib/children';

const OPTIONS = parseRelayOptions(process.argv.slice(2));
const LEVELS = OPTIONS.levels;
const SINGLE = OPTIONS.single; // sequential one-token streams at concurrency 1
const STEADY_OPEN = OPTIONS.steadyOpen; // 0: no steady-arrival run
const STEADY_SECONDS = OPTIONS.steadySeconds; // arrivals, ramp-up (one mean stream) included
const PROFILE_DIR = OPTIONS.profileDir;
const COST_REQUESTS = OPTIONS.costRequests;
const HEAP_DIR = OPTIONS.heapDir;
/** The fake model's mean stream (bench/lib/fake-model.ts: 150 ms, then 150–400 tokens at 25 ms). */
const MEAN_STREAM_S = (Number(process.env.BENCH_FIRST_TOKEN_MS ?? 150) + 275 * Number(process.env.BENCH_TOKEN_MS ?? 25)) / 1000;
const NGINX_INSTALL_LINE = 'apt-get install nginx-light';

function which(cmd: string): string | null {
  for (const dir of (process.env.PATH ?? '').split(':').concat(['/usr/sbin', '/sbin'])) {
    const p = path.join(dir, cmd);
    if (existsSync(p)) return p;
  }
  return null;
}

async function startNginx(bin: string, upstreamPort: number, certDir: string): Promise<{ port: number; child: ChildProcess } | null> {
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
  adopt(child);
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

/** The nginx binary to compare against, or exit 2 with the install line (unless --no-nginx). */
function nginxBinary(): string | null {
  if (OPTIONS.noNginx) return null;
  const given = OPTIONS.nginx;
  const bin = given ? (existsSync(given) ? given : null) : which('nginx');
  if (bin) return bin;
  console.error(
    `bench:relay: nginx is not installed${given ? ` (no ${given})` : ''}; it is the anchor of this comparison.\n` +
      `  Install it:  ${NGINX_INSTALL_LINE}   (Debian/Ubuntu, as root)\n` +
      `  or run without the nginx column:  npm run bench:relay -- --no-nginx`,
  );
  process.exit(2);
}

interface RelayLevel extends LevelResult {
  /** CPU time of the relay process over the level, per request. */
  relayCpuMsPerRequest?: number;
}

void (async () => {
  const nginxBin = nginxBinary();
  const certDir = mkdtempSync(path.join(os.tmpdir(), 'sseugi-bench-certs-'));
  await loadTls(loadConfig({} as NodeJS.ProcessEnv), certDir);
  const ca = readFileSync(path.join(certDir, 'ca.crt'));

  if (PROFILE_DIR) mkdirSync(PROFILE_DIR, { recursive: true });
  if (HEAP_DIR) mkdirSync(HEAP_DIR, { recursive: true });
  const fake = await startChild(path.join(__dirname, 'lib/fake-model.ts'), process.env, 'url');
  const fakePort = fake.info.port as number;
  const built = compiledChildren();
  const auditDir = mkdtempSync(path.join(os.tmpdir(), 'sseugi-bench-audit-'));
  const relay = await startChild(
    built.relay,
    { ...relayBenchEnv(String(fake.info.url), certDir, auditDir), PORT: String(await freePort()) },
    'port',
    true,
  );
  // The floor: the least any Node.js relay does for the same request (bench/lib/layers/node-floor.ts).
  const floor = await startChild(
    built.floor,
    { ...process.env, PORT: String(await freePort()), HOST: '127.0.0.1', LLM_BASE_URL: String(fake.info.url), BENCH_CERT_DIR: certDir },
    'port',
    true,
  );
  const nginx = nginxBin ? await startNginx(nginxBin, fakePort, certDir) : null;
  if (nginxBin && !nginx) throw new Error('nginx is installed but did not start');
  if (!nginxBin) console.log('NOTE: --no-nginx: the nginx column is skipped.');

  const chatBody = (i: number) =>
    JSON.stringify({
      model: 'exaone3.5:7.8b',
      stream: true,
      messages: [{ role: 'user', content: `#${i} 다음 문서를 요약하세요: 회의록` }],
    });
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
  const viaFloor: Target = { ...viaRelay, name: 'floor', port: floor.info.port as number };
  const targets = [direct, viaNginx, viaRelay].filter((t): t is Target => t !== null);
  const agents = new Map([...targets, viaFloor].map((t) => [t.name, makeAgent(t)]));
  /** The child process whose CPU a target's figures carry (the relay, the floor), if any. */
  const childOf = (t: Target): ChildProcess | null => (t === viaRelay ? relay.child : t === viaFloor ? floor.child : null);
  /** The same target asking for one-token answers (the fake model reads `[one-token]` in the prompt). */
  const oneToken = (t: Target): Target => ({
    ...t,
    request: (i) => {
      const r = t.request(i);
      return { ...r, body: r.body.replace('회의록', '[one-token] 회의록') };
    },
  });
  /** The same target asking for the shortest whole answers (150 tokens: ids that are multiples of 251). */
  const shortest = (t: Target): Target => ({ ...t, request: (i) => t.request(251 * i) });

  type RssAnswer = { rss: number; peak: number; maxRss: number; atPeakMb: Record<string, number> };
  const relayStartRssMb = (await ask<RssAnswer>(relay.child, { type: 'rss' })).rss / 1024 / 1024;
  // Unmeasured warm-up, every target at once (a few seconds): none of it is counted.
  if (OPTIONS.warmupOneToken + OPTIONS.warmupFull > 0) {
    const w0 = performance.now();
    const warmErrors = await Promise.all(
      [...targets, viaFloor].map((t) =>
        warmUp(shortest(t), oneToken(t), agents.get(t.name)!, {
          oneToken: OPTIONS.warmupOneToken,
          full: OPTIONS.warmupFull,
          offset: 6_000_000,
        }),
      ),
    );
    console.log(
      `warm-up: ${OPTIONS.warmupOneToken} one-token + ${OPTIONS.warmupFull} whole streams per target in ${fmt((performance.now() - w0) / 1000, 1)} s` +
        `, errors ${warmErrors.reduce((a, b) => a + b, 0)}`,
    );
  }
  const relayIdleRssMb = (await ask<RssAnswer>(relay.child, { type: 'rss' })).rss / 1024 / 1024;
  console.log(`relay at rest: RSS ${fmt(relayStartRssMb)} MB after start-up, ${fmt(relayIdleRssMb)} MB after the warm-up`);
  const largest = Math.max(...LEVELS);
  const line = (r: LevelResult, label: string) =>
    console.log(
      `${r.target.padEnd(6)} ${label}  ttft p50 ${fmt(r.ttftP50Ms).padStart(7)} ms  p99 ${fmt(r.ttftP99Ms).padStart(7)} ms  wall ${fmt(r.wallMs / 1000, 2)} s  ${fmt(r.throughput, 2)} streams/s  errors ${r.errors}${r.firstError ? ` (${r.firstError})` : ''}${'relayCpuMsPerRequest' in r ? `  CPU ${fmt((r as RelayLevel).relayCpuMsPerRequest!, 3)} ms/request` : ''}`,
    );

  /** Runs `level` against one target; for the relay, measures its CPU and (optionally) profiles it. */
  async function measured<R extends LevelResult>(
    t: Target,
    streams: number,
    level: () => Promise<R>,
    opts: { profile?: string; heap?: string } = {},
  ): Promise<R & RelayLevel> {
    const child = childOf(t);
    if (!child) return level();
    if (opts.profile) await ask(child, { type: 'profile-start' });
    const heapTimer = opts.heap
      ? setTimeout(
          () =>
            void ask<{ file: string }>(child, { type: 'heap-snapshot', file: opts.heap }).then((m) =>
              console.log(`heap snapshot: ${m.file}`),
            ),
          2000,
        )
      : undefined;
    const cpu0 = await childCpuMicros(child);
    const r = await level();
    const cpu1 = await childCpuMicros(child);
    clearTimeout(heapTimer);
    if (opts.profile) {
      await ask(child, { type: 'profile-stop', file: opts.profile });
      console.log(`cpu profile: ${opts.profile}`);
    }
    return { ...r, relayCpuMsPerRequest: (cpu1 - cpu0) / 1000 / streams };
  }

  const rows: RelayLevel[] = [];
  for (const c of LEVELS) {
    const streams = c === 1 ? SINGLE : c;
    // The floor runs at one stream only (its TTFT is the least a Node relay adds).
    for (const t of c === 1 ? [...targets, viaFloor] : targets) {
      const atLargest = c === largest;
      const stamp = new Date().toISOString().replace(/[:.]/g, '-');
      // One stream at a time: one-token answers, so `--single` samples take seconds, not minutes.
      const target = c === 1 ? oneToken(t) : t;
      const r = await measured(t, streams, () => runLevel(target, agents.get(t.name)!, c, streams, c * 10), {
        profile: atLargest && PROFILE_DIR ? path.join(PROFILE_DIR, `relay-burst${c}-${stamp}.cpuprofile`) : undefined,
        heap: atLargest && HEAP_DIR ? path.join(HEAP_DIR, `relay-burst${c}-${stamp}.heapsnapshot`) : undefined,
      });
      rows.push(r);
      line(r, `c=${String(c).padStart(4)}`);
    }
  }

  // The relay's own cost per request: 1,000 requests whose answers are one token (64 at a time),
  // so the CPU measured is the request path (parse, auth, validation, prompt, upstream call,
  // SSE open/close, audit, metrics, log), not forwarding ~275 tokens. Run --cost-repeats times
  // (the median is the figure; run-to-run noise is ±10 %); only the first run is profiled.
  // The floor runs the same level after each relay run (alternating, so both see the same noise).
  const costRuns: RelayLevel[] = [];
  const floorRuns: RelayLevel[] = [];
  for (let rep = 0; rep < OPTIONS.costRepeats; rep++) {
    for (const t of [viaRelay, viaFloor]) {
      const run = await measured(
        t,
        COST_REQUESTS,
        () => runLevel(oneToken(t), agents.get(t.name)!, 64, COST_REQUESTS, 2_000_000 + rep * COST_REQUESTS),
        {
          profile:
            PROFILE_DIR && rep === 0
              ? path.join(PROFILE_DIR, `${t.name}-one-token-${new Date().toISOString().replace(/[:.]/g, '-')}.cpuprofile`)
              : undefined,
        },
      );
      (t === viaRelay ? costRuns : floorRuns).push(run);
      line(run, `one-token answers, c=  64, run ${rep + 1}/${OPTIONS.costRepeats}`);
    }
  }
  const costMs = costRuns.map((r) => r.relayCpuMsPerRequest!);
  const floorMs = floorRuns.map((r) => r.relayCpuMsPerRequest!);
  const relayCpuMsPerRequest = median(costMs);
  const floorCpuMsPerRequest = median(floorMs);
  console.log(
    `CPU per request (one-token answers), median of ${costMs.length} runs: relay ${fmt(relayCpuMsPerRequest, 3)} ms (min ${fmt(Math.min(...costMs), 3)}, max ${fmt(Math.max(...costMs), 3)}), ` +
      `Node floor ${fmt(floorCpuMsPerRequest, 3)} ms (min ${fmt(Math.min(...floorMs), 3)}, max ${fmt(Math.max(...floorMs), 3)}); the relay's own: ${fmt(relayCpuMsPerRequest - floorCpuMsPerRequest, 3)} ms`,
  );

  // Steady arrival: direct and relay only (the ratio that matters; keeps the run short).
  const steady = new Map<string, SteadyResult & RelayLevel>();
  if (STEADY_OPEN > 0) {
    const rate = STEADY_OPEN / MEAN_STREAM_S;
    for (const t of [direct, viaRelay]) {
      const streams = Math.round(rate * STEADY_SECONDS);
      const r = await measured(t, streams, () =>
        runSteady(t, agents.get(t.name)!, rate, STEADY_SECONDS * 1000, {
          offset: 1_000_000,
          warmConnections: Math.min(STEADY_OPEN, 600),
          rampMs: MEAN_STREAM_S * 1000,
        }),
      );
      steady.set(t.name, r);
      line(r, `steady ${fmt(rate, 0)}/s (open mean ${fmt(r.openMean, 0)}, peak ${r.openPeak})`);
    }
  }

  const rss = await ask<RssAnswer>(relay.child, { type: 'rss' });
  const relayPeakRssMb = Math.max(rss.peak, rss.maxRss) / 1024 / 1024;
  // What one open stream costs: the peak (the largest burst, normally) above the relay at rest.
  const relayKbPerStream = ((relayPeakRssMb - relayIdleRssMb) * 1024) / largest;
  console.log(
    `relay RSS: at rest ${fmt(relayIdleRssMb)} MB, peak ${fmt(relayPeakRssMb)} MB, (peak − rest) / ${largest} streams = ${fmt(relayKbPerStream)} KB per stream`,
  );

  const at = (name: string, c: number) => rows.find((r) => r.target === name && r.concurrency === c);
  const byConcurrency = LEVELS.map((c) => {
    const d = at('direct', c)!;
    const n = at('nginx', c);
    const r = at('relay', c)!;
    return {
      concurrency: c,
      direct: { ttftP50Ms: +fmt(d.ttftP50Ms, 2), ttftP99Ms: +fmt(d.ttftP99Ms, 2), wallS: +fmt(d.wallMs / 1000, 3), errors: d.errors },
      nginx: n
        ? {
            ttftAddedP50Ms: +fmt(n.ttftP50Ms - d.ttftP50Ms, 2),
            ttftAddedP99Ms: +fmt(n.ttftP99Ms - d.ttftP99Ms, 2),
            throughputVsDirect: +fmt(n.throughput / d.throughput, 3),
            errors: n.errors,
          }
        : null,
      relay: {
        ttftAddedP50Ms: +fmt(r.ttftP50Ms - d.ttftP50Ms, 2),
        ttftAddedP99Ms: +fmt(r.ttftP99Ms - d.ttftP99Ms, 2),
        throughputVsDirect: +fmt(r.throughput / d.throughput, 3),
        throughputVsNginx: n ? +fmt(r.throughput / n.throughput, 3) : null,
        wallS: +fmt(r.wallMs / 1000, 3),
        errors: r.errors,
        cpuMsPerRequest: +fmt(r.relayCpuMsPerRequest ?? NaN, 3),
      },
    };
  });
  const level = (c: number) => byConcurrency.find((x) => x.concurrency === c);
  const sd = steady.get('direct');
  const sr = steady.get('relay');
  const one = level(1) ?? byConcurrency[0]!;
  const top = level(largest)!;
  const floorOne = at('floor', 1);
  const summary = {
    bench: 'relay',
    levels: LEVELS,
    // One stream (concurrency 1, `--single` sequential streams).
    ttftAddedP50Ms: one.relay.ttftAddedP50Ms,
    ttftAddedP99Ms: one.relay.ttftAddedP99Ms,
    burst64AddedP50Ms: level(64)?.relay.ttftAddedP50Ms ?? null,
    burst1000AddedP50Ms: level(1000)?.relay.ttftAddedP50Ms ?? null,
    nginxBurst1000AddedP50Ms: level(1000)?.nginx?.ttftAddedP50Ms ?? null,
    steadyAddedP50Ms: sd && sr ? +fmt(sr.ttftP50Ms - sd.ttftP50Ms, 2) : null,
    steadyAddedP99Ms: sd && sr ? +fmt(sr.ttftP99Ms - sd.ttftP99Ms, 2) : null,
    steadyOpenMean: sr ? +fmt(sr.openMean, 0) : null,
    // The relay's CPU per request with one-token answers (its own cost), and per stream over the
    // largest burst (including forwarding every token) and over the steady run.
    relayCpuMsPerRequest: +fmt(relayCpuMsPerRequest, 3),
    relayCpuMsPerRequestRuns: costMs.map((x) => +fmt(x, 3)),
    // The same for bench/lib/layers/node-floor.ts (Node's HTTPS server, one upstream request, the events
    // re-sent; nothing of ours), and what the relay costs above it.
    floorCpuMsPerRequest: +fmt(floorCpuMsPerRequest, 3),
    floorCpuMsPerRequestRuns: floorMs.map((x) => +fmt(x, 3)),
    relayCpuMsOverFloor: +fmt(relayCpuMsPerRequest - floorCpuMsPerRequest, 3),
    floorTtftAddedP50Ms: floorOne ? +fmt(floorOne.ttftP50Ms - at('direct', floorOne.concurrency)!.ttftP50Ms, 2) : null,
    floorTtftAddedP99Ms: floorOne ? +fmt(floorOne.ttftP99Ms - at('direct', floorOne.concurrency)!.ttftP99Ms, 2) : null,
    relayCpuMsPerStream: top.relay.cpuMsPerRequest,
    oneTokenErrors: costRuns.reduce((n, r) => n + r.errors, 0),
    steadyRelayCpuMsPerRequest: sr ? +fmt(sr.relayCpuMsPerRequest ?? NaN, 3) : null,
    // At the largest level (1,000 by default).
    throughputVsDirect: top.relay.throughputVsDirect,
    throughputVsNginx: top.relay.throughputVsNginx,
    errorsAt1000: level(1000)?.relay.errors ?? null,
    steadyErrors: sr?.errors ?? null,
    relayPeakRssMb: +relayPeakRssMb.toFixed(1),
    relayIdleRssMb: +relayIdleRssMb.toFixed(1),
    relayStartRssMb: +relayStartRssMb.toFixed(1),
    relayKbPerStream: +relayKbPerStream.toFixed(1),
    // V8 heap and Buffers when the RSS peaked (the rest is native: TLS, sockets, malloc).
    relayAtPeakMb: rss.atPeakMb,
    nginx: Boolean(viaNginx),
    loadAverage: os.loadavg().map((x) => +x.toFixed(2)),
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
