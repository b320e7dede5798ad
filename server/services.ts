/**
 * Shared services built once per relay: backend detection (cached once it succeeded,
 * retried with backoff until then, refreshed by the health probe), token counting, the
 * offline proofreading engine and the model-layer cache.
 */
import type { Config } from './config';
import { detectBackend, type BackendInfo, type BackendKind } from './llm/backend';
import { withJsonSchema } from './llm/json-schema';
import { createTokenCounter, estimateTokens } from './llm/tokens';
import type { BodyDecorator } from './llm/client';
import { createOfflineEngine, type OfflineEngine } from './proofread/engine';

/** First retry of a failed detection; doubles up to DETECT_RETRY_MAX_MS. */
const DETECT_RETRY_BASE_MS = 1000;
const DETECT_RETRY_MAX_MS = 30_000;
/** A detection older than this is refreshed by the health probe (the server may have been restarted with another -c). */
const DETECT_REFRESH_MS = 60_000;

export interface BackendService {
  /** What is known; the generic fallback (configured window) while the server has not been detected yet. */
  backend(): Promise<BackendInfo>;
  /**
   * For the health probe, once the model server answered: detects now when nothing is known
   * yet (no waiting for the retry timer), re-detects in the background when the last
   * detection is old. Never rejects.
   */
  refresh(): Promise<BackendInfo>;
  /** The kind known so far ('openai' until detected). */
  currentKind(): BackendKind;
  countTokens(text: string): Promise<number>;
  /** Stops the retry timer. */
  close(): void;
}

export interface BackendServiceOptions {
  fetch?: typeof fetch;
  retryBaseMs?: number;
  retryMaxMs?: number;
  refreshMs?: number;
}

/**
 * Detects the backend behind the first LLM_BASE_URL. A detection that failed (server down at
 * start) is not kept: it is retried with backoff until it succeeds, and the health probe
 * triggers it at once when the server answers. Never rejects (falls back to generic + config).
 */
export function createBackendService(config: Config, o: BackendServiceOptions = {}): BackendService {
  const fetchImpl = o.fetch ?? fetch;
  const retryBaseMs = o.retryBaseMs ?? DETECT_RETRY_BASE_MS;
  const retryMaxMs = o.retryMaxMs ?? DETECT_RETRY_MAX_MS;
  const refreshMs = o.refreshMs ?? DETECT_REFRESH_MS;
  const fallback: BackendInfo = { kind: 'openai', contextWindow: config.LLM_CONTEXT_WINDOW, contextSource: 'configured' };
  let known: BackendInfo | null = null;
  let knownAt = 0;
  let pending: Promise<BackendInfo> | null = null;
  let retryDelay = retryBaseMs;
  let retryTimer: NodeJS.Timeout | undefined;
  let closed = false;
  let counter: ((text: string) => Promise<number>) | null = null;

  function scheduleRetry(): void {
    if (closed || retryTimer) return;
    retryTimer = setTimeout(() => {
      retryTimer = undefined;
      void detect();
    }, retryDelay);
    retryTimer.unref();
    retryDelay = Math.min(retryDelay * 2, retryMaxMs);
  }

  function detect(): Promise<BackendInfo> {
    pending ??= (async () => {
      try {
        const info = await detectBackend(config.LLM_BASE_URL[0]!, {
          apiKey: config.LLM_API_KEY,
          fetch: fetchImpl,
          timeoutMs: 3000,
          configuredContextWindow: config.LLM_CONTEXT_WINDOW,
          model: config.LLM_MODEL,
        });
        known = { ...info, contextWindow: info.contextWindow ?? config.LLM_CONTEXT_WINDOW };
        knownAt = Date.now();
        counter = createTokenCounter(known, fetchImpl, { apiKey: config.LLM_API_KEY });
        retryDelay = retryBaseMs;
        if (retryTimer) clearTimeout(retryTimer);
        retryTimer = undefined;
        return known;
      } catch {
        // Keep what an earlier detection found; otherwise try again later.
        if (!known) scheduleRetry();
        return known ?? fallback;
      } finally {
        pending = null;
      }
    })();
    return pending;
  }

  return {
    backend() {
      if (known) return Promise.resolve(known);
      // Not detected yet: the first call detects; while a retry is scheduled, the fallback.
      if (retryTimer) return Promise.resolve(fallback);
      return detect();
    },
    refresh() {
      if (!known) return detect();
      if (Date.now() - knownAt >= refreshMs) void detect();
      return Promise.resolve(known);
    },
    currentKind: () => known?.kind ?? 'openai',
    countTokens: (text) => (counter ? counter(text) : Promise.resolve(estimateTokens(text))),
    close() {
      closed = true;
      if (retryTimer) clearTimeout(retryTimer);
      retryTimer = undefined;
    },
  };
}

/** Adds the JSON schema of a request in the dialect of the detected backend. */
export function jsonSchemaDecorator(kind: () => BackendKind): BodyDecorator {
  return (body, req) => (req.jsonSchema ? withJsonSchema(body, kind(), req.jsonSchema) : body);
}

/** The offline engine, created on first use and shared. */
export function lazyEngine(): () => Promise<OfflineEngine> {
  let engine: Promise<OfflineEngine> | null = null;
  return () => {
    engine ??= createOfflineEngine().catch((err: unknown) => {
      engine = null;
      throw err;
    });
    return engine;
  };
}
