/**
 * The audit trail: exactly one record per task (summarize, draft, rewrite, proofread…),
 * written by the route when the task ends — after `done`, an `error` event, or the
 * client going away. Records go to the main log as `{"audit":true,…}` lines, or to
 * their own file when AUDIT_LOG is set (JSON lines, appended).
 *
 *   {"audit":true,"time":…,"reqId":"…","principal":"alice","principalKind":"apikey",
 *    "task":"summarize","charsIn":1234,"inputSha256":"…","promptTokens":812,
 *    "completionTokens":96,"modelCalls":1,"durationMs":2310,"outcome":"ok"}
 *
 * No content: the input is recorded only as its length and SHA-256 (so a given text
 * can be matched later by whoever holds it); never the text, the model output or
 * error details.
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
import { createHash } from 'node:crypto';
import type { Response } from 'express';
import pino, { type Logger } from 'pino';
import type { RelayContext } from '../context';
import { ApiError } from '../errors';
import { UpstreamError } from '../llm/errors';
import type { RequestUsage } from '../limits/model-gate';
import { getPrincipal } from '../auth/middleware';

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
  inputSha256: string;
  promptTokens: number | null;
  completionTokens: number | null;
  modelCalls: number;
  durationMs: number | null;
  outcome: string;
}

/** Builds the audit logger: its own file (AUDIT_LOG) or a child of the main logger. */
export function createAuditLogger(logger: Logger, file?: string): Logger {
  if (!file) return logger.child({ audit: true });
  const dest = pino.destination({ dest: file, mkdir: true, sync: false });
  return pino({ base: { service: 'sseugi-relay', audit: true }, level: 'info' }, dest);
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
      inputSha256: createHash('sha256').update(text, 'utf8').digest('hex'),
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
