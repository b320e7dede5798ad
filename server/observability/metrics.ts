/**
 * Prometheus metrics (prom-client, the relay's own Registry — not the global one).
 * Served on a separate plain-HTTP listener, METRICS_HOST:METRICS_PORT (default host
 * 127.0.0.1; off when METRICS_PORT is unset), path /metrics. It is not on the main
 * HTTPS port, so it needs no credential and is never reachable by pane users; bind it
 * to an internal interface only if your Prometheus scrapes from another host.
 *
 * Labels are bounded: `route` is the Express route pattern (`/api/summarize`), or
 * `static`/`unmatched`; never a raw URL, a user or any request content.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { NextFunction, Request, Response } from 'express';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { UpstreamError } from '../llm/errors';
import type { TokenUsage } from '../llm/types';

export interface GateState {
  readonly inFlight: number;
  readonly queued: number;
  readonly concurrency: number;
}

export interface RelayMetrics {
  registry: Registry;
  /** Express middleware counting requests and their latency (mount first). */
  http(req: Request, res: Response, next: NextFunction): void;
  upstreamError(err: unknown): void;
  tokens(usage: TokenUsage): void;
  rateLimited(): void;
  audit(task: string, outcome: string): void;
  /** A failed write to AUDIT_LOG. */
  auditWriteError(): void;
  /** Binds the model gate's queue depth and in-flight gauges. */
  watchGate(gate: GateState): void;
}

// Over 80 lines as a factory: mostly the declarations of one registry's metrics, each a few lines.
export function createMetrics(opts: { defaultMetrics?: boolean } = {}): RelayMetrics {
  const registry = new Registry();
  registry.setDefaultLabels({ service: 'sseugi-relay' });
  if (opts.defaultMetrics !== false) collectDefaultMetrics({ register: registry });

  const requests = new Counter({
    name: 'sseugi_http_requests_total',
    help: 'HTTP requests by route pattern, method and status',
    labelNames: ['route', 'method', 'status'] as const,
    registers: [registry],
  });
  const latency = new Histogram({
    name: 'sseugi_http_request_duration_seconds',
    help: 'Time to the end of the response (whole stream for SSE), by route pattern',
    labelNames: ['route', 'method'] as const,
    buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300],
    registers: [registry],
  });
  const upstreamErrors = new Counter({
    name: 'sseugi_upstream_errors_total',
    help: 'Failed model calls by error code',
    labelNames: ['code'] as const,
    registers: [registry],
  });
  const tokens = new Counter({
    name: 'sseugi_model_tokens_total',
    help: 'Tokens reported by the model server',
    labelNames: ['kind'] as const,
    registers: [registry],
  });
  const limited = new Counter({
    name: 'sseugi_rate_limited_total',
    help: 'Requests answered 429 by the per-user rate limit',
    registers: [registry],
  });
  const tasks = new Counter({
    name: 'sseugi_tasks_total',
    help: 'Audited tasks by task and outcome',
    labelNames: ['task', 'outcome'] as const,
    registers: [registry],
  });
  const auditWriteErrors = new Counter({
    name: 'sseugi_audit_write_errors_total',
    help: 'Failed writes to AUDIT_LOG (records lost)',
    registers: [registry],
  });
  let gate: GateState | null = null;
  new Gauge({
    name: 'sseugi_model_in_flight',
    help: 'Model calls holding a slot of MODEL_CONCURRENCY',
    registers: [registry],
    collect() {
      this.set(gate?.inFlight ?? 0);
    },
  });
  new Gauge({
    name: 'sseugi_model_queue_depth',
    help: 'Model calls waiting for a slot (bounded by QUEUE_MAX)',
    registers: [registry],
    collect() {
      this.set(gate?.queued ?? 0);
    },
  });
  new Gauge({
    name: 'sseugi_model_concurrency',
    help: 'MODEL_CONCURRENCY',
    registers: [registry],
    collect() {
      this.set(gate?.concurrency ?? 0);
    },
  });

  const routeOf = (req: Request): string => {
    const pattern = (req.route as { path?: unknown } | undefined)?.path;
    if (typeof pattern === 'string') return `${req.baseUrl}${pattern}`;
    const p = req.originalUrl.split('?')[0] ?? '';
    if (p.startsWith('/api/')) return 'unmatched';
    return 'static';
  };

  return {
    registry,
    http(req, res, next) {
      const end = latency.startTimer();
      res.once('close', () => {
        const route = routeOf(req);
        const status = res.headersSent ? String(res.statusCode) : 'aborted';
        requests.inc({ route, method: req.method, status });
        end({ route, method: req.method });
      });
      next();
    },
    upstreamError(err) {
      upstreamErrors.inc({ code: err instanceof UpstreamError ? err.code : 'OTHER' });
    },
    tokens(usage) {
      if (usage.promptTokens > 0) tokens.inc({ kind: 'prompt' }, usage.promptTokens);
      if (usage.completionTokens > 0) tokens.inc({ kind: 'completion' }, usage.completionTokens);
    },
    rateLimited() {
      limited.inc();
    },
    audit(task, outcome) {
      tasks.inc({ task, outcome: /^[A-Z_]{1,40}$|^ok$|^aborted$/.test(outcome) ? outcome : 'OTHER' });
    },
    auditWriteError() {
      auditWriteErrors.inc();
    },
    watchGate(g) {
      gate = g;
    },
  };
}

export interface MetricsServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

/** Plain-HTTP listener answering GET /metrics (everything else 404). */
export async function startMetricsServer(registry: Registry, port: number, host: string): Promise<MetricsServer> {
  const server = http.createServer((req, res) => {
    if (req.method !== 'GET' || (req.url ?? '').split('?')[0] !== '/metrics') {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found\n');
      return;
    }
    registry.metrics().then(
      (body) => res.writeHead(200, { 'content-type': registry.contentType, 'cache-control': 'no-store' }).end(body),
      () => res.writeHead(500, { 'content-type': 'text/plain' }).end('metrics failed\n'),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const actual = (server.address() as AddressInfo).port;
  const shownHost = host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${shownHost}:${actual}/metrics`,
    port: actual,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
