/** What the routes share: configuration, the model client and the logger. */
import type { Logger } from 'pino';
import type { Config } from './config';
import type { LlmClient } from './llm/types';

export interface RelayContext {
  config: Config;
  llm: LlmClient;
  log: Logger;
  version: string;
  /** Answers whether the model server responds (for /api/health). */
  probeModel(): Promise<ModelStatus>;
}

export interface ModelStatus {
  reachable: boolean;
  model: string;
  baseUrls: string[];
  backend?: string;
  contextWindow?: number | null;
  error?: string;
}
