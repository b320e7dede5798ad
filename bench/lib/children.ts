/**
 * Child processes of the relay benchmarks (bench:relay, bench:relay-layers): start one and
 * read the JSON line it prints, talk to it over IPC (bench/lib/child-ipc.ts), build the
 * compiled children, and stop every child when the benchmark ends.
 */
import { execFileSync, spawn, fork, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import readline from 'node:readline';

const children: ChildProcess[] = [];

/** Stopped with the others at the end (e.g. nginx, started by the benchmark itself). */
export function adopt(child: ChildProcess): void {
  children.push(child);
}

export function cleanup(): void {
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
export async function startChild(
  file: string,
  env: NodeJS.ProcessEnv,
  key: string,
  ipc = false,
): Promise<{ child: ChildProcess; info: Record<string, unknown> }> {
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

/**
 * The relay child and the Node floor compiled with the server (tsconfig.build.json, built now),
 * so both run as `npm start` runs the relay.
 */
export function compiledChildren(): { relay: string; floor: string } {
  const root = path.join(__dirname, '..', '..');
  execFileSync(process.execPath, [path.join(root, 'node_modules/typescript/bin/tsc'), '-p', path.join(root, 'tsconfig.build.json')], {
    stdio: 'inherit',
  });
  return {
    relay: path.join(root, 'dist/node/bench/lib/relay-child.js'),
    floor: path.join(root, 'dist/node/bench/lib/layers/node-floor.js'),
  };
}

export async function freePort(): Promise<number> {
  const srv = net.createServer();
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
  const port = (srv.address() as net.AddressInfo).port;
  await new Promise<void>((r) => srv.close(() => r()));
  return port;
}

/** Sends one IPC message to the relay child and resolves with its answer of the same type. */
export function ask<T>(child: ChildProcess, message: Record<string, unknown>): Promise<T> {
  return new Promise((resolve) => {
    const onMessage = (m: { type?: string }) => {
      if (m?.type !== message.type) return;
      child.off('message', onMessage);
      resolve(m as T);
    };
    child.on('message', onMessage);
    child.send(message);
  });
}

/**
 * The environment of a relay (or a layer of it) under benchmark: the fake model, development
 * certificates, no authentication or rate limit, gates wide open (the load is the point), the
 * audit trail in its own file as docs/ADMIN.md recommends (it is written whatever LOG_LEVEL says).
 */
export function relayBenchEnv(modelUrl: string, certDir: string, auditDir: string): NodeJS.ProcessEnv {
  return {
    ...process.env,
    HOST: '127.0.0.1',
    LLM_BASE_URL: modelUrl,
    LOG_LEVEL: 'error',
    AUDIT_LOG: path.join(auditDir, 'audit.log'),
    BENCH_CERT_DIR: certDir,
    AUTH_MODE: 'none',
    RATE_LIMIT_PER_MIN: '0',
    MODEL_CONCURRENCY: '4000',
    QUEUE_MAX: '8000',
    LLM_CONCURRENCY: '4000',
  };
}

/** µs of CPU (user + system) the child has used so far. */
export const childCpuMicros = async (child: ChildProcess): Promise<number> =>
  (await ask<{ cpuMicros: number }>(child, { type: 'cpu' })).cpuMicros;
