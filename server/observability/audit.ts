/**
 * The audit trail: exactly one record per task (summarize, draft, rewrite, proofread…),
 * written by the route when the task ends — after `done`, an `error` event, or the
 * client going away. Records go to the main log as `{"audit":true,…}` lines, or to
 * their own file when AUDIT_LOG is set (JSON lines, appended). Records are written whatever
 * LOG_LEVEL says (the audit logger has its own level).
 *
 *   {"audit":true,"time":…,"reqId":"…","principal":"alice","principalKind":"apikey",
 *    "task":"summarize","charsIn":1234,"inputHmac":"…","promptTokens":812,
 *    "completionTokens":96,"modelCalls":1,"durationMs":2310,"outcome":"ok"}
 *
 * No content: the input is recorded only as its length and HMAC-SHA-256 keyed with the
 * server's audit key (AUDIT_HMAC_KEY or STATE_DIR/audit-hmac.key, server/security/audit-key.ts):
 * equal texts match within one deployment, but a short text cannot be recovered from the log
 * alone by trying a dictionary; never the text, the model output or error details.
 *
 * The AUDIT_LOG file is opened (created 0600, folders 0700) at start: if it cannot be
 * written the relay stops with one line (ConfigError). Later write errors (disk full…)
 * are logged once a minute at most and counted (sseugi_audit_write_errors_total), never
 * thrown.
 *
 * HOW ROUTES CALL IT (once, in the route's `finally` or after the stream ended):
 *
 *   import { audit, outcomeOf } from '../observability/audit';
 *   let outcome: AuditOutcome = 'ok';
 *   try { …stream… } catch (err) { outcome = outcomeOf(err, controller.signal); … }
 *   finally { sse.end(); audit(ctx, res, { task: 'draft', input: instruction + '\n' + (text ?? ''), outcome }); }
 *
 * `input` is the user's text as sent (string, string[] or [{text}]); `usage` is
 * optional — by default the tokens of every model call this request made through
 * `ctx.llm` are summed by the model gate. Use `outcome: 'aborted'` when the client left.
 */
import { existsSync, mkdirSync, openSync } from 'node:fs';
import path from 'node:path';
import type { Response } from 'express';
import pino, { type Logger } from 'pino';
import type { RelayContext } from '../context';
import { ApiError } from '../errors';
import { UpstreamError } from '../llm/errors';
import type { RequestUsage } from '../limits/model-gate';
import { getPrincipal } from '../auth/middleware';
import { ConfigError } from '../config';

export type AuditTask = 'summarize' | 'draft' | 'rewrite' | 'proofread' | 'doctype' | (string & {});
/** 'ok', 'aborted', or an error code such as 'UPSTREAM_TIMEOUT' / 'BUSY' / 'INTERNAL'. */
export type AuditOutcome = 'ok' | 'aborted' | (string & {});

export type AuditInput = string | readonly string[] | ReadonlyArray<{ text: string }>;

export interface AuditEvent {
  task: AuditTask;
  input: AuditInput;
  outcome: AuditOutcome;
  /** Overrides the gate's per-request token sums. */
  usage?: { promptTokens?: number; completionTokens?: number };
}

export interface AuditRecord {
  audit: true;
  reqId?: string;
  principal: string;
  principalKind: string;
  task: string;
  charsIn: number;
  /** HMAC-SHA-256 of the input with the audit key, hex. */
  inputHmac: string;
  promptTokens: number | null;
  completionTokens: number | null;
  modelCalls: number;
  durationMs: number | null;
  outcome: string;
}

export interface AuditSinkHooks {
  /** A write to AUDIT_LOG failed (counted in /metrics). */
  onWriteError?: (err: NodeJS.ErrnoException) => void;
}

/** Opens AUDIT_LOG for appending (creating it 0600): ConfigError naming the file when it cannot be written. */
export function openAuditFile(file: string): number {
  try {
    // One folder level is created (0700); not recursively: Node's recursive mkdir can loop
    // forever on some paths (e.g. under /proc), and a deeper missing path is a typo.
    const dir = path.dirname(file);
    if (!existsSync(dir)) mkdirSync(dir, { mode: 0o700 });
    return openSync(file, 'a', 0o600);
  } catch (err) {
    throw new ConfigError('AUDIT_LOG', `cannot write "${file}" (${(err as NodeJS.ErrnoException).code ?? 'error'})`);
  }
}

/** Builds the audit logger: its own file (AUDIT_LOG) or a child of the main logger. */
export function createAuditLogger(logger: Logger, file?: string, hooks: AuditSinkHooks = {}): Logger {
  // Its own level: the trail is kept whatever LOG_LEVEL quiets (warn, error… would drop info lines).
  if (!file) return logger.child({ audit: true }, { level: 'info' });
  const fd = openAuditFile(file);
  const dest = pino.destination({ fd, sync: false });
  let lastLogged = 0;
  // SonicBoom emits 'error' on a failed write; unhandled, it would crash the relay.
  dest.on('error', (err: NodeJS.ErrnoException) => {
    hooks.onWriteError?.(err);
    if (Date.now() - lastLogged > 60_000) {
      lastLogged = Date.now();
      logger.error({ err: { code: err.code, name: err.name } }, 'audit write failed');
    }
  });
  const audit = pino({ base: { service: 'sseugi-relay', audit: true }, level: 'info' }, dest);
  return audit;
}

/** The error code an audit record (and metrics) should carry for a failure. */
export function outcomeOf(err: unknown, signal?: AbortSignal): AuditOutcome {
  if (signal?.aborted) return 'aborted';
  if (err instanceof UpstreamError) return err.code === 'UPSTREAM_ABORTED' ? 'aborted' : err.code;
  if (err instanceof ApiError) return err.code;
  return 'INTERNAL';
}

function flatten(input: AuditInput): string {
  if (typeof input === 'string') return input;
  return (input as ReadonlyArray<string | { text: string }>).map((p) => (typeof p === 'string' ? p : p.text)).join('\n');
}

/** Writes the task's audit record (and counts it in /metrics). Never throws. */
export function audit(ctx: RelayContext, res: Response, ev: AuditEvent): AuditRecord | null {
  try {
    const text = flatten(ev.input);
    const principal = getPrincipal(res);
    const gateUsage = res.locals['modelUsage'] as RequestUsage | undefined;
    const started = res.locals['startedAt'] as number | undefined;
    const reqId = (res.req as { id?: unknown } | undefined)?.id;
    const known = (n: number | undefined, fromGate: number | undefined) =>
      n ?? (gateUsage && gateUsage.calls > 0 ? (fromGate ?? null) : null);
    const record: AuditRecord = {
      audit: true,
      reqId: typeof reqId === 'string' ? reqId : undefined,
      principal: principal?.name ?? 'unknown',
      principalKind: principal?.kind ?? 'none',
      task: ev.task,
      charsIn: text.length,
      inputHmac: ctx.auditDigest(text),
      promptTokens: known(ev.usage?.promptTokens, gateUsage?.promptTokens),
      completionTokens: known(ev.usage?.completionTokens, gateUsage?.completionTokens),
      modelCalls: gateUsage?.calls ?? 0,
      durationMs: started === undefined ? null : Math.round(performance.now() - started),
      outcome: ev.outcome,
    };
    const { audit: _flag, ...fields } = record;
    ctx.audit.info(fields, 'task audit');
    ctx.metrics.audit(ev.task, ev.outcome);
    return record;
  } catch (err) {
    ctx.log.error({ err: { name: (err as Error)?.name } }, 'audit record failed');
    return null;
  }
}
