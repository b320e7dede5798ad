/** Asks the model server(s) whether they answer (the pool's probe, server/llm/probe.ts), and what they are: for /api/health. */
import type { Config } from './config';
import type { ModelStatus } from './context';
import type { BackendService } from './services';
import { redactUrl, type EndpointStatus, type LlmPool } from './llm/pool';
import { contextWindowWarning } from './llm/window-advice';
import { probeModels } from './llm/probe';

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

function probeOnce(
  config: Config,
  backend: BackendService | undefined,
  timeoutMs: number,
  pool: LlmPool | undefined,
): () => Promise<ModelStatus> {
  return async () => {
    const status: ModelStatus = { reachable: false, model: config.LLM_MODEL, baseUrls: config.LLM_BASE_URL.map(redactUrl) };
    // Every endpoint, in parallel; the relay is reachable when any one answers.
    const results = await Promise.all(
      config.LLM_BASE_URL.map((base) => probeModels(base, config.LLM_API_KEY, AbortSignal.timeout(timeoutMs))),
    );
    status.reachable = results.some((r) => r === null);
    if (!status.reachable) status.error = results[0]?.detail ?? 'unreachable';
    if (pool) results.forEach((r, i) => pool.report(i, r === null, r?.code));
    status.endpoints = pool
      ? pool.endpoints()
      : config.LLM_BASE_URL.map((base, i): EndpointStatus => {
          const r = results[i];
          return r
            ? { url: redactUrl(base), healthy: false, inFlight: 0, lastError: r.code }
            : { url: redactUrl(base), healthy: true, inFlight: 0 };
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
