/** Asks the model server(s) whether they answer, and what they are: for /api/health. */
import type { Config } from './config';
import type { ModelStatus } from './context';
import type { BackendService } from './services';
import { redactUrl, type EndpointStatus, type LlmPool } from './llm/pool';
import { contextWindowWarning } from './llm/window-advice';

/** How long one probe's answer is reused: health is public, so callers must not drive the model servers. */
export const PROBE_CACHE_MS = 5000;

export function createModelProbe(
  config: Config,
  backend?: BackendService,
  timeoutMs = 3000,
  pool?: LlmPool,
  cacheMs = PROBE_CACHE_MS,
): () => Promise<ModelStatus> {
  const probe = probeOnce(config, backend, timeoutMs, pool);
  // Single flight, reused for `cacheMs`: a flood of /api/health calls makes one probe.
  let last: { at: number; result: Promise<ModelStatus> } | null = null;
  return () => {
    const now = Date.now();
    if (!last || now - last.at >= cacheMs) last = { at: now, result: probe() };
    return last.result;
  };
}

function probeOnce(config: Config, backend: BackendService | undefined, timeoutMs: number, pool: LlmPool | undefined): () => Promise<ModelStatus> {
  return async () => {
    const headers: Record<string, string> = {};
    if (config.LLM_API_KEY) headers.authorization = `Bearer ${config.LLM_API_KEY}`;
    const status: ModelStatus = { reachable: false, model: config.LLM_MODEL, baseUrls: config.LLM_BASE_URL.map(redactUrl) };
    // Every endpoint, in parallel; the relay is reachable when any one answers.
    const results = await Promise.all(
      config.LLM_BASE_URL.map(async (base): Promise<string | null> => {
        try {
          const res = await fetch(`${base}/models`, { headers, signal: AbortSignal.timeout(timeoutMs) });
          await res.arrayBuffer();
          return res.ok ? null : `HTTP ${res.status}`;
        } catch (err) {
          return (err as Error).name === 'TimeoutError' ? 'timeout' : 'unreachable';
        }
      }),
    );
    status.reachable = results.some((r) => r === null);
    if (!status.reachable) status.error = results[0] ?? 'unreachable';
    const probeCode = (r: string) => (r === 'timeout' ? 'PROBE_TIMEOUT' : r === 'unreachable' ? 'PROBE_UNREACHABLE' : 'PROBE_HTTP_ERROR');
    if (pool) results.forEach((r, i) => pool.report(i, r === null, r === null ? undefined : probeCode(r)));
    status.endpoints = pool
      ? pool.endpoints()
      : config.LLM_BASE_URL.map((base, i): EndpointStatus => {
          const r = results[i];
          return r ? { url: redactUrl(base), healthy: false, inFlight: 0, lastError: probeCode(r) } : { url: redactUrl(base), healthy: true, inFlight: 0 };
        });
    if (backend && status.reachable) {
      // refresh(): a server that was down when the relay started is detected now.
      const info = await backend.refresh();
      status.backend = info.kind;
      status.contextWindow = info.contextWindow;
      const warning = contextWindowWarning(info);
      if (warning) status.contextWarning = warning;
      if (info.totalSlots !== undefined) status.totalSlots = info.totalSlots;
    } else {
      status.contextWindow = config.LLM_CONTEXT_WINDOW;
    }
    return status;
  };
}
