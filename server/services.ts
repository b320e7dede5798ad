/**
 * Shared services built once per relay: backend detection (cached, retried when it
 * failed), token counting, the offline proofreading engine and the model-layer cache.
 */
import type { Config } from './config';
import { detectBackend, type BackendInfo, type BackendKind } from './llm/backend';
import { withJsonSchema } from './llm/json-schema';
import { createTokenCounter, estimateTokens } from './llm/tokens';
import type { BodyDecorator } from './llm/client';
import { createOfflineEngine, type OfflineEngine } from './proofread/engine';

const RETRY_AFTER_FAILURE_MS = 30_000;

export interface BackendService {
  backend(): Promise<BackendInfo>;
  /** The kind known so far ('openai' until detected). */
  currentKind(): BackendKind;
  countTokens(text: string): Promise<number>;
}

/** Detects the backend behind the first LLM_BASE_URL; never rejects (falls back to generic + config). */
export function createBackendService(config: Config, fetchImpl: typeof fetch = fetch): BackendService {
  const fallback: BackendInfo = { kind: 'openai', contextWindow: config.LLM_CONTEXT_WINDOW, contextSource: 'configured' };
  let known: BackendInfo | null = null;
  let pending: Promise<BackendInfo> | null = null;
  let failedAt = 0;
  let counter: ((text: string) => Promise<number>) | null = null;

  async function detect(): Promise<BackendInfo> {
    try {
      const info = await detectBackend(config.LLM_BASE_URL[0]!, {
        apiKey: config.LLM_API_KEY,
        fetch: fetchImpl,
        timeoutMs: 3000,
        configuredContextWindow: config.LLM_CONTEXT_WINDOW,
        model: config.LLM_MODEL,
      });
      known = { ...info, contextWindow: info.contextWindow ?? config.LLM_CONTEXT_WINDOW };
      counter = createTokenCounter(known, fetchImpl, { apiKey: config.LLM_API_KEY });
      return known;
    } catch {
      failedAt = Date.now();
      return fallback;
    } finally {
      pending = null;
    }
  }

  return {
    backend() {
      if (known) return Promise.resolve(known);
      if (failedAt && Date.now() - failedAt < RETRY_AFTER_FAILURE_MS) return Promise.resolve(fallback);
      pending ??= detect();
      return pending;
    },
    currentKind: () => known?.kind ?? 'openai',
    countTokens: (text) => (counter ? counter(text) : Promise.resolve(estimateTokens(text))),
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
