/**
 * bench:relay-layers — where the relay's CPU per request goes, layer by layer. The same
 * one-token requests (bench:relay's cost level: POST /api/summarize over HTTPS, 64 at a time,
 * answers of one token from the fake model) sent to four servers built up one layer at a time,
 * each a compiled child process whose `process.cpuUsage()` is read before and after a run:
 *   1. floor          — bench/lib/layers/node-floor.ts: node:https, body read + JSON.parse, one
 *                       upstream request, its events re-sent (the least any Node relay does);
 *   2. express        — the same work inside Express with express.json();
 *   3. route          — the relay's summarize route (validation, prompt, token estimate, model
 *                       gate, pool, client, SSE, audit) behind express.json() only;
 *   4. relay          — the whole relay (bench/lib/relay-child.ts, as `npm start` runs it).
 * Layers run in turn, `--repeats` times (median reported: run-to-run noise is ±10 %), so they
 * share the machine's noise. The differences name the costs: express − floor = Express,
 * route − express = the route, relay − route = the middleware (metrics, access log, security
 * headers, CORS, authentication, rate limit, strict body). Last line: one JSON object.
 *
 *   npm run bench:relay-layers [-- --requests 1000 --repeats 5 --warmup 1000 --profile DIR]
 *
 * --profile DIR writes a V8 CPU profile of each layer's first run (`npx tsx bench/profile-summary.ts FILE`).
 */
import { mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../server/config';
import { loadTls } from '../server/tls';
import { parseCli, usageError } from '../server/cli/args';
import { ask, childCpuMicros, cleanup, compiledChildren, freePort, relayBenchEnv, startChild } from './lib/children';
import { makeAgent, median, runLevel, warmUp, type Target } from './lib/load';

const SPEC = {
  name: 'bench:relay-layers',
  help: 'npm run bench:relay-layers [-- --requests 1000 --repeats 5 --warmup 1000 --profile DIR]',
  options: {
    requests: { type: 'string', default: '1000' },
    repeats: { type: 'string', default: '5' },
    warmup: { type: 'string', default: '1000' },
    profile: { type: 'string', default: '' },
  },
} as const;
const cli = parseCli(SPEC);
if (!cli) process.exit(0);
const count = (name: 'requests' | 'repeats' | 'warmup'): number => {
  const n = Number(cli.values[name]);
  return Number.isInteger(n) && n >= 1 ? n : usageError(SPEC, `--${name} must be a positive integer`);
};
const REQUESTS = count('requests');
const REPEATS = count('repeats');
const WARMUP = count('warmup');
const PROFILE_DIR = cli.values.profile;
const LAYERS = ['floor', 'express', 'route', 'relay'] as const;
type Layer = (typeof LAYERS)[number];

void (async () => {
  if (PROFILE_DIR) mkdirSync(PROFILE_DIR, { recursive: true });
  const certDir = mkdtempSync(path.join(os.tmpdir(), 'sseugi-bench-certs-'));
  await loadTls(loadConfig({} as NodeJS.ProcessEnv), certDir);
  const ca = readFileSync(path.join(certDir, 'ca.crt'));
  const fake = await startChild(path.join(__dirname, 'lib/fake-model.ts'), process.env, 'url');
  const built = compiledChildren();
  const files: Record<Layer, string> = {
    floor: built.floor,
    express: path.join(path.dirname(built.floor), 'express-floor.js'),
    route: path.join(path.dirname(built.floor), 'route-only.js'),
    relay: built.relay,
  };
  const auditDir = mkdtempSync(path.join(os.tmpdir(), 'sseugi-bench-audit-'));
  const env = relayBenchEnv(String(fake.info.url), certDir, auditDir);

  const servers = new Map<Layer, { child: Awaited<ReturnType<typeof startChild>>['child']; target: Target }>();
  for (const layer of LAYERS) {
    const { child, info } = await startChild(files[layer], { ...env, PORT: String(await freePort()) }, 'port', true);
    const target: Target = {
      name: layer,
      protocol: 'https:',
      port: info.port as number,
      ca,
      // `[one-token]`: the fake model answers one token (bench/lib/fake-model.ts).
      request: (i) => ({ path: '/api/summarize', body: JSON.stringify({ text: `#${i} [one-token] 회의록` }) }),
      firstToken: 'event: text',
      endMarker: 'event: done',
      warmPath: '/manifest.xml',
    };
    servers.set(layer, { child, target });
  }
  const agents = new Map(LAYERS.map((l) => [l, makeAgent(servers.get(l)!.target)]));
  for (const layer of LAYERS) {
    const { target } = servers.get(layer)!;
    // Until the JIT has settled: a short warm-up leaves the first measured runs of each layer slower.
    const errors = await warmUp(target, target, agents.get(layer)!, { oneToken: WARMUP, full: 0, offset: 6_000_000 });
    if (errors) throw new Error(`${layer}: ${errors} errors in the warm-up`);
  }

  const runs = new Map<Layer, number[]>(LAYERS.map((l) => [l, []]));
  let errors = 0;
  for (let rep = 0; rep < REPEATS; rep++) {
    for (const layer of LAYERS) {
      const { child, target } = servers.get(layer)!;
      const profile = PROFILE_DIR && rep === 0 ? path.join(PROFILE_DIR, `layer-${layer}.cpuprofile`) : '';
      if (profile) await ask(child, { type: 'profile-start' });
      const cpu0 = await childCpuMicros(child);
      const r = await runLevel(target, agents.get(layer)!, 64, REQUESTS, 2_000_000 + rep * REQUESTS);
      const ms = (await childCpuMicros(child)) - cpu0;
      if (profile) await ask(child, { type: 'profile-stop', file: profile });
      errors += r.errors;
      runs.get(layer)!.push(ms / 1000 / REQUESTS);
      console.log(
        `${layer.padEnd(8)} run ${rep + 1}/${REPEATS}  ${(ms / 1000 / REQUESTS).toFixed(3)} ms CPU per request  errors ${r.errors}`,
      );
    }
  }
  const cpu = Object.fromEntries(LAYERS.map((l) => [l, +median(runs.get(l)!).toFixed(3)])) as Record<Layer, number>;
  const summary = {
    bench: 'relay-layers',
    requests: REQUESTS,
    repeats: REPEATS,
    cpuMsPerRequest: cpu,
    runs: Object.fromEntries(LAYERS.map((l) => [l, runs.get(l)!.map((x) => +x.toFixed(3))])),
    // What each layer adds (medians' differences).
    expressMs: +(cpu.express - cpu.floor).toFixed(3),
    routeMs: +(cpu.route - cpu.express).toFixed(3),
    middlewareMs: +(cpu.relay - cpu.route).toFixed(3),
    relayOverFloorMs: +(cpu.relay - cpu.floor).toFixed(3),
    relayVsFloor: +(cpu.relay / cpu.floor).toFixed(2),
    errors,
    loadAverage: os.loadavg().map((x) => +x.toFixed(2)),
  };
  console.log(
    `medians: floor ${cpu.floor} · +Express ${summary.expressMs} · +route ${summary.routeMs} · +middleware ${summary.middlewareMs} = relay ${cpu.relay} ms CPU per request`,
  );
  for (const a of agents.values()) a.destroy();
  cleanup();
  if (errors) {
    console.error(`bench:relay-layers: ${errors} requests failed`);
    process.exitCode = 1;
  }
  console.log(JSON.stringify(summary));
  setTimeout(() => process.exit(), 500).unref();
})().catch((err: unknown) => {
  console.error(err);
  cleanup();
  process.exit(1);
});
