/**
 * Summarises a V8 .cpuprofile (bench:relay --profile DIR) by step of the relay's request
 * path: the self time of every sample goes to the step of the nearest frame (the sample's own
 * or an ancestor's) whose script or function names a step, so time in a builtin
 * (JSON.stringify, a hash) counts for the code that called it. Prints a Markdown table,
 * then the top functions by self time, then one JSON line.
 *
 *   npx tsx bench/profile-summary.ts FILE.cpuprofile [--requests N] [--top 25] [--first-ms N]
 *
 * --first-ms N keeps only the samples of the N ms from the first one inside a route handler
 * (server/routes/summarize: the burst's first request) — the burst's arrival, the path to the first
 * token — instead of the whole profile (which also holds the client's connection warm-up and
 * streaming every answer).
 *
 * Written here rather than taken from a tool: 0x/clinic draw flame graphs but do not group
 * by a project's own steps; the .cpuprofile format is a plain node tree (Chrome DevTools
 * protocol, Profiler.Profile), read in a few lines.
 */
import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

/** Steps in order of precedence: the first whose pattern matches a frame (url or function) names it. */
export const STEPS: [step: string, pattern: RegExp][] = [
  ['garbage collection', /^\(garbage collector\)$/],
  ['idle', /^\((idle|program)\)$/],
  ['audit digest + record', /server\/observability\/audit|createHmac|server\/security\/audit-key/],
  ['metrics', /prom-client|server\/observability\/metrics/],
  ['logging (pino, pino-http)', /node_modules\/pino|server\/observability\/http-log/],
  ['helmet / security headers', /node_modules\/helmet|server\/security\/headers|server\/security\/cors/],
  ['auth + rate limit', /server\/auth\/|server\/limits\/(rate-limit|auth-failures)|rate-limiter-flexible/],
  ['body parsing', /body-parser|raw-body|iconv-lite|server\/security\/body|content-type|type-is/],
  ['validation (zod)', /node_modules\/zod|server\/validation/],
  ['model gate', /server\/limits\/model-gate/],
  ['token estimation', /server\/llm\/tokens|server\/services/],
  ['prompt building', /server\/generation\/|server\/prompts/],
  ['SSE to the pane', /server\/sse|server\/stream-task/],
  ['upstream client (request, SSE parse)', /server\/llm\/|eventsource-parser|node:_http_client|node:_http_agent/],
  ['route handler', /server\/routes\//],
  ['Express routing', /node_modules\/(express|router|finalhandler|send|serve-static|path-to-regexp|on-finished|statuses|depd)/],
  ['TLS', /node:_tls|node:tls|node:internal\/tls|TLSWrap|TLSSocket/],
  ['HTTP server (parse, write)', /node:_http_(server|common|outgoing|incoming)|HTTPParser|parserOnHeaders/],
  ['sockets / streams (node)', /node:net|node:internal\/streams|node:stream|node:internal\/stream_base/],
];

function stepOf(frame: ProfileNode['callFrame']): string | null {
  const name = `${frame.url} ${frame.functionName}`;
  const key = frame.url ? frame.url : frame.functionName;
  for (const [step, pattern] of STEPS) if (pattern.test(key) || pattern.test(name)) return step;
  return null;
}

/** Where a burst starts: the first sample inside this script (the warm-up GETs never reach it). */
const FROM_SCRIPT = 'server/routes/summarize';

export function summarise(
  profile: Profile,
  firstMs = Infinity,
): { totalMs: number; steps: Map<string, number>; functions: Map<string, number> } {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const stepCache = new Map<number, string>();
  const resolveStep = (id: number): string => {
    const cached = stepCache.get(id);
    if (cached) return cached;
    const node = byId.get(id)!;
    const own = stepOf(node.callFrame);
    const p = parent.get(id);
    const step = own ?? (p === undefined ? 'other' : resolveStep(p));
    stepCache.set(id, step);
    return step;
  };
  const steps = new Map<string, number>();
  const functions = new Map<string, number>();
  const inRoute = (id: number): boolean => {
    for (let n: number | undefined = id; n !== undefined; n = parent.get(n))
      if (byId.get(n)!.callFrame.url.includes(FROM_SCRIPT)) return true;
    return false;
  };
  let totalMs = 0;
  let atMs = 0;
  let startMs = firstMs === Infinity ? 0 : -1;
  profile.samples.forEach((id, i) => {
    const ms = (profile.timeDeltas[i] ?? 0) / 1000;
    atMs += ms;
    if (startMs < 0 && (firstMs === Infinity || inRoute(id))) startMs = atMs - ms;
    if (startMs < 0 || atMs - startMs > firstMs) return;
    totalMs += ms;
    const step = resolveStep(id);
    steps.set(step, (steps.get(step) ?? 0) + ms);
    const f = byId.get(id)!.callFrame;
    const fn = `${f.functionName || '(anonymous)'} ${f.url.replace(/^.*\/(node_modules|server|bench)\//, '$1/')}:${f.lineNumber + 1}`;
    functions.set(fn, (functions.get(fn) ?? 0) + ms);
  });
  return { totalMs, steps, functions };
}

if (require.main === module) {
  const file = process.argv[2];
  if (!file) {
    console.error('usage: tsx bench/profile-summary.ts FILE.cpuprofile [--requests N] [--top 25]');
    process.exit(2);
  }
  const opt = (name: string, def: number) => {
    const i = process.argv.indexOf(`--${name}`);
    return i > 0 ? Number(process.argv[i + 1]) : def;
  };
  const requests = opt('requests', 1000);
  const top = opt('top', 25);
  const { totalMs, steps, functions } = summarise(JSON.parse(readFileSync(file, 'utf8')) as Profile, opt('first-ms', Infinity));
  const busyMs = totalMs - (steps.get('idle') ?? 0);
  console.log(`${file}: ${totalMs.toFixed(0)} ms sampled, ${busyMs.toFixed(0)} ms busy, ${requests} requests\n`);
  console.log('| step | ms | µs per request | share of busy |\n| --- | ---: | ---: | ---: |');
  for (const [step, ms] of [...steps].sort((a, b) => b[1] - a[1])) {
    if (step === 'idle') continue;
    console.log(`| ${step} | ${ms.toFixed(1)} | ${((ms * 1000) / requests).toFixed(0)} | ${((100 * ms) / busyMs).toFixed(1)} % |`);
  }
  console.log(`\nTop ${top} functions by self time:`);
  for (const [fn, ms] of [...functions].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`${ms.toFixed(1).padStart(8)} ms  ${fn}`);
  console.log(
    JSON.stringify({
      totalMs: +totalMs.toFixed(1),
      busyMs: +busyMs.toFixed(1),
      steps: Object.fromEntries([...steps].map(([k, v]) => [k, +v.toFixed(1)])),
    }),
  );
}
