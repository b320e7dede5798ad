/**
 * Streams one model completion to the pane as SSE `text` events, then `done`
 * (with the finish reason; `truncated` when the model hit its length limit) or
 * `error` ({code, message}). Reasoning blocks (<think>, <thought>) are stripped
 * before anything reaches the pane. The upstream request is aborted with `signal`.
 * Resolves to the text sent, or null when the task failed or was aborted.
 */
import type { RelayContext } from './context';
import { createThinkStripper } from './generation/think';
import { UpstreamError } from './llm/errors';
import type { ChatRequest, TokenUsage } from './llm/types';
import { abortOnClientClose, openSse, type SseStream } from './sse';
import type { Response } from 'express';
import { audit, outcomeOf, type AuditInput, type AuditTask } from './observability/audit';
import { ApiError } from './errors';
import { safeError } from './observability/http-log';
import type { ErrorEvent, RewriteEventData } from '../kernel/contract/events';

/** The events every completion stream sends (text, done, error); /api/draft adds `findings`. */
type CompletionEventData = RewriteEventData;

export interface StreamedTask {
  text: string;
  finishReason: string | null;
  usage?: TokenUsage;
}

export async function streamTask<E extends CompletionEventData>(
  ctx: RelayContext,
  sse: SseStream<E>,
  signal: AbortSignal,
  request: Omit<ChatRequest, 'signal'>,
  opts: { beforeDone?: (result: StreamedTask, sse: SseStream<E>) => Promise<void> | void; onError?: (err: unknown) => void } = {},
): Promise<StreamedTask | null> {
  const out: SseStream<CompletionEventData> = sse;
  const stripper = createThinkStripper();
  let text = '';
  const emit = (piece: string) => {
    if (!piece) return;
    text += piece;
    out.send('text', { text: piece });
  };
  try {
    const { finishReason, usage } = await ctx.llm.chatStream({ ...request, signal }, (piece) => emit(stripper.push(piece)));
    emit(stripper.end());
    const result = { text, finishReason, usage };
    await opts.beforeDone?.(result, sse);
    out.send('done', { finishReason, truncated: finishReason === 'length', ...(usage ? { usage } : {}) });
    return result;
  } catch (err) {
    opts.onError?.(err);
    if (!signal.aborted) sendStreamError(ctx, out, err);
    return null;
  } finally {
    out.end();
  }
}

export function sendStreamError(ctx: RelayContext, sse: SseStream<{ error: ErrorEvent }>, err: unknown): void {
  if (err instanceof UpstreamError) {
    if (err.code !== 'UPSTREAM_ABORTED') ctx.log.warn({ code: err.code, upstreamStatus: err.upstreamStatus }, 'upstream error');
    sse.send('error', { code: err.code, message: err.message, retryable: err.retryable });
    return;
  }
  if (err instanceof ApiError) {
    // e.g. BUSY from the model gate when a later call of the task found the queue full.
    sse.send('error', { code: err.code, message: err.message, retryable: err.status >= 500 });
    return;
  }
  ctx.log.error({ err: safeError(err) }, 'task failed');
  sse.send('error', { code: 'INTERNAL', message: 'The relay hit an unexpected error.', retryable: false });
}

/**
 * A model slot before the stream opens: a full relay answers 503 BUSY + Retry-After.
 * A request refused here still gets its audit record.
 */
export async function reserveModelSlot(
  ctx: RelayContext,
  res: Response,
  signal: AbortSignal,
  ev: { task: AuditTask; input: AuditInput },
): Promise<void> {
  try {
    await ctx.gate.reserve(signal);
  } catch (err) {
    audit(ctx, res, { ...ev, outcome: outcomeOf(err, signal) });
    throw err;
  }
}

/**
 * One streamed task end to end for a route: waits for a model slot (503 BUSY before
 * the stream opens when the relay is full), streams the completion, and writes the
 * task's audit record whatever happens.
 */
export async function runStreamedTask<E extends CompletionEventData = CompletionEventData>(
  ctx: RelayContext,
  res: Response,
  ev: { task: AuditTask; input: AuditInput },
  request: Omit<ChatRequest, 'signal'>,
  opts: { beforeDone?: (result: StreamedTask, sse: SseStream<E>) => Promise<void> | void } = {},
): Promise<void> {
  const controller = abortOnClientClose(res);
  await reserveModelSlot(ctx, res, controller.signal, ev);
  const sse = openSse<E>(res);
  let failure: unknown = null;
  const result = await streamTask(ctx, sse, controller.signal, request, {
    ...opts,
    onError: (err) => {
      failure = err;
    },
  });
  audit(ctx, res, { ...ev, outcome: result ? 'ok' : outcomeOf(failure, controller.signal), usage: result?.usage });
}
