/**
 * A real llama.cpp `llama-server` for the tests: the binary built by
 * test/setup/llama-server.sh (cached per machine), started on 127.0.0.1 with a free port
 * and a tiny generated model (tiny-exaone.ts), stopped after.
 *
 * No silent skip: when the binary is missing, `startLlamaServer` throws with the command
 * that builds it (`npm test` runs that command in `pretest`; CI runs `npm test`).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { tinyExaoneGguf, type TinyModelOptions } from './tiny-exaone';

const SETUP_SCRIPT = path.join(__dirname, '..', 'setup', 'llama-server.sh');

/** The pinned node-llama-cpp version, read from the setup script (one place for the fact). */
export function pinnedLlamaVersion(): string {
  const m = /^\s*NODE_LLAMA_CPP_VERSION="([^"]+)"/m.exec(readFileSync(SETUP_SCRIPT, 'utf8'));
  if (!m) throw new Error(`no NODE_LLAMA_CPP_VERSION in ${SETUP_SCRIPT}`);
  return m[1]!;
}

/** Path of the cached llama-server binary (LLAMA_SERVER_BIN overrides). */
export function llamaServerBinary(): string {
  if (process.env.LLAMA_SERVER_BIN) return process.env.LLAMA_SERVER_BIN;
  const cache = process.env.SSEUGI_CACHE ?? path.join(os.homedir(), '.cache', 'sseugi');
  return path.join(cache, `llama-server-${pinnedLlamaVersion()}`, 'bin', 'llama-server');
}

/** A TCP port that was free a moment ago on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(port));
    });
  });
}

export interface LlamaServerOptions {
  /** Total KV cache (-c); every slot gets ctx/parallel. */
  ctx?: number;
  /** Slots (-np). */
  parallel?: number;
  /**
   * One KV cache of `ctx` tokens shared by all slots (--kv-unified), each slot's window being
   * the whole cache: llama-server's default when -np is not given (4 auto slots).
   */
  kvUnified?: boolean;
  /** Fixed port (e.g. chosen before the relay starts); default a free one. */
  port?: number;
  model?: TinyModelOptions;
  extraArgs?: string[];
  /** How long to wait for /health. Generous: cores are shared in CI. */
  startTimeoutMs?: number;
}

export interface LlamaServer {
  /** OpenAI-compatible base URL, with /v1 (what LLM_BASE_URL holds). */
  url: string;
  /** Server root, for /props, /slots, /tokenize, /metrics. */
  root: string;
  port: number;
  /** Everything the server wrote (stderr + stdout). */
  output(): string;
  /** The JSON of `GET <root><p>`, unchecked: the caller states the shape it reads. */
  getJson(p: string): Promise<unknown>;
  stop(): Promise<void>;
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

export async function startLlamaServer(opts: LlamaServerOptions = {}): Promise<LlamaServer> {
  const bin = llamaServerBinary();
  if (!existsSync(bin)) {
    throw new Error(
      `llama-server is not built (${bin}). Run: bash test/setup/llama-server.sh ` +
        `(npm test does it in pretest; the first build takes several minutes).`,
    );
  }
  const dir = mkdtempSync(path.join(os.tmpdir(), 'sseugi-llama-'));
  const modelPath = path.join(dir, 'tiny-exaone.gguf');
  writeFileSync(modelPath, tinyExaoneGguf(opts.model));
  const port = opts.port ?? (await freePort());
  const args = [
    '-m',
    modelPath,
    '--host',
    '127.0.0.1',
    '--port',
    String(port),
    '-c',
    String(opts.ctx ?? 2048),
    '-np',
    String(opts.parallel ?? 1),
    '-t',
    '1',
    '--alias',
    'exaone-tiny',
    '--metrics',
    '--slots',
    ...(opts.kvUnified ? ['--kv-unified'] : []),
    ...(opts.extraArgs ?? []),
  ];
  const proc: ChildProcess = spawn(bin, args, { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, LLAMA_ARG_HOST: '127.0.0.1' } });
  let out = '';
  proc.stdout?.on('data', (d: Buffer) => (out += d.toString('utf8')));
  proc.stderr?.on('data', (d: Buffer) => (out += d.toString('utf8')));
  let exited: number | null = null;
  const exit = new Promise<void>((resolve) => proc.once('exit', (code) => ((exited = code ?? -1), resolve())));
  const root = `http://127.0.0.1:${port}`;

  const deadline = Date.now() + (opts.startTimeoutMs ?? 90_000);
  for (;;) {
    if (exited !== null) {
      rmSync(dir, { recursive: true, force: true });
      throw new Error(`llama-server exited with ${exited} before it was ready:\n${out.slice(-3000)}`);
    }
    try {
      const res = await fetch(`${root}/health`, { signal: AbortSignal.timeout(2000) });
      await res.arrayBuffer();
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      proc.kill('SIGKILL');
      rmSync(dir, { recursive: true, force: true });
      throw new Error(`llama-server did not become ready:\n${out.slice(-3000)}`);
    }
    await sleep(100);
  }

  return {
    url: `${root}/v1`,
    root,
    port,
    output: () => out,
    async getJson(p: string): Promise<unknown> {
      const res = await fetch(`${root}${p}`);
      if (!res.ok) throw new Error(`GET ${p}: HTTP ${res.status}`);
      return res.json();
    },
    async stop() {
      if (exited === null) {
        proc.kill('SIGTERM');
        const killer = setTimeout(() => proc.kill('SIGKILL'), 5000);
        await exit;
        clearTimeout(killer);
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
