/** bench:relay's command line (bench/relay.ts), parsed apart so its defaults can be tested. */
export interface RelayBenchOptions {
  /** Burst levels (concurrent streams). */
  levels: number[];
  /** Sequential streams at concurrency 1 (one-token answers: the level measures TTFT). */
  single: number;
  /** Streams kept open by the steady-arrival run (0: no steady run) and its arrival time. */
  steadyOpen: number;
  steadySeconds: number;
  /** Requests per one-token cost level, and how many times that level is run (median reported). */
  costRequests: number;
  costRepeats: number;
  /** Unmeasured warm-up before the first level (0 or `--no-warmup`: none). */
  warmupOneToken: number;
  warmupFull: number;
  noNginx: boolean;
  /** nginx binary given with --nginx ('' = look it up on PATH). */
  nginx: string;
  profileDir: string;
  heapDir: string;
}

export function parseRelayOptions(argv: readonly string[]): RelayBenchOptions {
  const arg = (name: string, def: string) => {
    const i = argv.indexOf(`--${name}`);
    return i >= 0 && argv[i + 1] !== undefined ? argv[i + 1]! : def;
  };
  const count = (name: string, def: number, min = 0) => {
    const n = Number(arg(name, String(def)));
    if (!Number.isInteger(n) || n < min) throw new Error(`bench:relay: --${name} must be an integer ≥ ${min}`);
    return n;
  };
  const flag = (name: string) => argv.includes(`--${name}`);
  const levels = arg('levels', '1,64,256,1000').split(',').map(Number);
  if (levels.some((c) => !Number.isInteger(c) || c < 1)) throw new Error('bench:relay: --levels must be positive integers');
  const noWarmup = flag('no-warmup');
  return {
    levels,
    single: count('single', 20, 1),
    steadyOpen: count('steady-open', 500),
    steadySeconds: count('steady-seconds', 16, 1),
    costRequests: count('cost-requests', 1000, 1),
    costRepeats: count('cost-repeats', 3, 1),
    warmupOneToken: noWarmup ? 0 : count('warmup-one-token', 512),
    warmupFull: noWarmup ? 0 : count('warmup-full', 4),
    noNginx: flag('no-nginx'),
    nginx: arg('nginx', ''),
    profileDir: arg('profile', ''),
    heapDir: arg('heap-snapshot', ''),
  };
}
