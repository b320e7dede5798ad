/** Builds and starts the relay: HTTPS server around the Express app. */
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import pino, { type Logger } from 'pino';
import { AUTH_REDACT_PATHS } from './auth/middleware';
import { createApp } from './app';
import type { Config } from './config';
import type { RelayContext } from './context';
import { createOpenAiClient } from './llm/client';
import { createLlmPool } from './llm/pool';
import { createCacheStore } from './store';
import type { LlmClient } from './llm/types';
import { createModelProbe } from './model-status';
import { VERSION } from './paths';
import { loadPrompts } from './generation/prompts';
import { createBackendService, jsonSchemaDecorator, lazyEngine } from './services';
import type { ModelEdit } from './proofread/model-layer';
import type { TlsMaterial } from './tls';
import { createModelGate, gateLlm } from './limits/model-gate';
import { createMetrics, startMetricsServer, type MetricsServer } from './observability/metrics';
import { createAuditLogger } from './observability/audit';
import { createHmac } from 'node:crypto';
import { resolveAuditKey } from './security/audit-key';
import { applyServerLimits } from './security/server-limits';
import { createRulesPool } from './proofread/rules-pool';

export interface RelayOptions {
  config: Config;
  tls: TlsMaterial;
  logger?: Logger;
  llm?: LlmClient;
}

export interface RunningRelay {
  url: string;
  port: number;
  server: https.Server;
  context: RelayContext;
  /** The /metrics listener, when METRICS_PORT is set. */
  metrics?: MetricsServer;
  close(): Promise<void>;
}

export function createLogger(config: Config, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level: config.LOG_LEVEL,
      base: { service: 'sseugi-relay' },
      // The access log (server/observability/http-log.ts) never logs headers; this is a second guard.
      redact: { paths: AUTH_REDACT_PATHS, censor: '[redacted]' },
    },
    destination,
  );
}

export function createContext(config: Config, logger: Logger, llm?: LlmClient): RelayContext {
  const backend = createBackendService(config);
  // One client per LLM_BASE_URL entry behind a least-in-flight pool with health probes.
  const llmPool = llm
    ? undefined
    : createLlmPool({
        model: config.LLM_MODEL,
        apiKey: config.LLM_API_KEY,
        endpoints: config.LLM_BASE_URL.map((baseUrl) => ({
          baseUrl,
          client: createOpenAiClient({
            baseUrl,
            model: config.LLM_MODEL,
            apiKey: config.LLM_API_KEY,
            timeoutMs: config.LLM_TIMEOUT_MS,
            decorateBody: jsonSchemaDecorator(backend.currentKind),
          }),
        })),
        onChange: (ep, event) => logger.warn({ endpoint: ep.url, lastError: ep.lastError }, `model endpoint ${event}`),
      });
  const metrics = createMetrics();
  const gate = createModelGate({
    concurrency: config.MODEL_CONCURRENCY,
    queueMax: config.QUEUE_MAX,
    queueTimeoutMs: config.QUEUE_TIMEOUT_MS,
  });
  metrics.watchGate(gate);
  // Checked at start (ConfigError → one line, exit 1): the audit key and the AUDIT_LOG file.
  const auditKey = resolveAuditKey(config);
  const auditLogger = createAuditLogger(logger, config.AUDIT_LOG, { onWriteError: () => metrics.auditWriteError() });
  return {
    config,
    log: logger,
    version: VERSION,
    // Every model call (streamed or not) takes a slot of the global gate.
    llm: gateLlm(llm ?? llmPool!, gate, { onUsage: metrics.tokens, onError: metrics.upstreamError }),
    gate,
    metrics,
    audit: auditLogger,
    auditDigest: (text) => createHmac('sha256', auditKey).update(text, 'utf8').digest('hex'),
    rules: createRulesPool({ threads: config.RULES_WORKERS, maxSuggestions: config.PROOFREAD_MAX_SUGGESTIONS, gate }),
    llmPool,
    probeModel: createModelProbe(config, backend, undefined, llmPool),
    prompts: loadPrompts(config.PROMPTS_DIR),
    backend: backend.backend,
    countTokens: backend.countTokens,
    closeServices: backend.close,
    engine: lazyEngine(),
    proofCache: createCacheStore<ModelEdit[]>(config, {
      onError: (err) => logger.warn({ err: (err as Error)?.message }, 'proofreading cache (Redis) failed'),
    }),
  };
}

export async function startRelay(opts: RelayOptions): Promise<RunningRelay> {
  const logger = opts.logger ?? createLogger(opts.config);
  const context = createContext(opts.config, logger, opts.llm);
  // Identify the model server (kind, context window) at start, not on the first request;
  // it never rejects; a failed attempt is retried with backoff until it succeeds, and
  // /api/health detects at once when it finds the server answering (services.ts).
  void context.backend();
  const app = createApp(context);
  const server = https.createServer({ cert: opts.tls.cert, key: opts.tls.key, ...applyServerLimits.options(opts.config) }, app);
  // Receiving a request is bounded (REQUEST_TIMEOUT_MS, HEADERS_TIMEOUT_MS); answers (SSE) are not.
  applyServerLimits(server, opts.config);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.config.PORT, opts.config.HOST, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  let metrics: MetricsServer | undefined;
  if (opts.config.METRICS_PORT !== undefined) {
    try {
      metrics = await startMetricsServer(context.metrics.registry, opts.config.METRICS_PORT, opts.config.METRICS_HOST);
    } catch (err) {
      server.close();
      server.closeAllConnections();
      throw new Error(
        `Invalid setting METRICS_PORT: cannot listen on ${opts.config.METRICS_HOST}:${opts.config.METRICS_PORT} (${(err as NodeJS.ErrnoException).code ?? 'error'})`,
      );
    }
  }
  return {
    metrics,
    url: `https://localhost:${port}`,
    port,
    server,
    context,
    close: () =>
      new Promise<void>((resolve) => {
        context.llmPool?.close();
        context.closeServices?.();
        void context.rules.close();
        void metrics?.close();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
