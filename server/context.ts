/** What the routes share: configuration, the model client and the logger. */
import type { Logger } from 'pino';
import type { Config } from './config';
import type { LlmClient } from './llm/types';
import type { EndpointStatus, LlmPool } from './llm/pool';
import type { BackendInfo } from './llm/backend';
import type { Prompts } from './generation/prompts';
import type { OfflineEngine } from './proofread/engine';
import type { AsyncStore } from './proofread/cache';
import type { ModelEdit } from './proofread/model-layer';
import type { ModelGate } from './limits/model-gate';
import type { RelayMetrics } from './observability/metrics';
import type { RulesPool } from './proofread/rules-pool';

export interface RelayContext {
  config: Config;
  llm: LlmClient;
  log: Logger;
  version: string;
  /** Answers whether the model server responds (for /api/health). */
  probeModel(): Promise<ModelStatus>;
  /** The upstream pool behind `llm` (absent when a client was injected); closed with the relay. */
  llmPool?: LlmPool;
  /** Prompt files (built in, or overridden from PROMPTS_DIR). */
  prompts: Prompts;
  /** What serves LLM_BASE_URL (vLLM, llama.cpp, Ollama, generic) and its context window; cached. */
  backend(): Promise<BackendInfo>;
  /** Tokens of a text: the backend's tokenizer where it has one, else the Korean-aware estimate. */
  countTokens(text: string): Promise<number>;
  /** The offline proofreading engine (rules + dictionary), loaded once. */
  engine(): Promise<OfflineEngine>;
  /** Cache of the model layer's edits per paragraph (memory, or Redis when configured). */
  proofCache: AsyncStore<ModelEdit[]>;
  /**
   * The global cap on model calls (MODEL_CONCURRENCY + bounded queue); `llm` already
   * goes through it. SSE routes: `await ctx.gate.reserve(controller.signal)` before
   * `openSse(res)` so a full relay answers 503 BUSY instead of an opened stream.
   */
  gate: ModelGate;
  /** Prometheus metrics (own registry). */
  metrics: RelayMetrics;
  /** Audit logger; write through `audit()` in server/observability/audit.ts. */
  audit: Logger;
  /** Stops background work of the shared services (backend detection retries); called when the relay closes. */
  closeServices?(): void;
  /** Offline proofreading in worker threads, behind `gate` (server/proofread/rules-pool.ts). */
  rules: RulesPool;
  /** HMAC-SHA-256 of a text with the audit key (AUDIT_HMAC_KEY or STATE_DIR/audit-hmac.key), hex. */
  auditDigest(text: string): string;
}

export interface ModelStatus {
  reachable: boolean;
  model: string;
  baseUrls: string[];
  backend?: string;
  contextWindow?: number | null;
  /** The window is unknown or small (< 8192), and the setting that raises it (server/llm/window-advice.ts). */
  contextWarning?: string;
  /** llama.cpp: parallel slots sharing the context window (`total_slots`). */
  totalSlots?: number;
  error?: string;
  /** Every upstream endpoint of the pool: url (no credentials), healthy, inFlight, lastError. */
  endpoints?: EndpointStatus[];
}
