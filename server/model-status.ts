/** Asks the model server(s) whether they answer, and what they are: for /api/health. */
import type { Config } from './config';
import type { ModelStatus } from './context';
import type { BackendService } from './services';

export function createModelProbe(config: Config, backend?: BackendService, timeoutMs = 3000): () => Promise<ModelStatus> {
  return async () => {
    const base = config.LLM_BASE_URL[0]!;
    const headers: Record<string, string> = {};
    if (config.LLM_API_KEY) headers.authorization = `Bearer ${config.LLM_API_KEY}`;
    const status: ModelStatus = { reachable: false, model: config.LLM_MODEL, baseUrls: config.LLM_BASE_URL };
    try {
      const res = await fetch(`${base}/models`, { headers, signal: AbortSignal.timeout(timeoutMs) });
      await res.arrayBuffer();
      status.reachable = res.ok;
      if (!res.ok) status.error = `HTTP ${res.status}`;
    } catch (err) {
      status.error = (err as Error).name === 'TimeoutError' ? 'timeout' : 'unreachable';
    }
    if (backend && status.reachable) {
      const info = await backend.backend();
      status.backend = info.kind;
      status.contextWindow = info.contextWindow;
    } else {
      status.contextWindow = config.LLM_CONTEXT_WINDOW;
    }
    return status;
  };
}
