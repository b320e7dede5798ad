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
import type { SseStream } from './sse';
import { ApiError } from './errors';
import { safeError } from './observability/http-log';

export interface StreamedTask {
  text: string;
  finishReason: string | null;
  usage?: TokenUsage;
}

export async function streamTask(
  ctx: RelayContext,
  sse: SseStream,
  signal: AbortSignal,
  request: Omit<ChatRequest, 'signal'>,
  opts: { beforeDone?: (result: StreamedTask) => Promise<void> | void } = {},
): Promise<StreamedTask | null> {
  const stripper = createThinkStripper();
  let text = '';
  const emit = (piece: string) => {
    if (!piece) return;
    text += piece;
    sse.send('text', { text: piece });
  };
  try {
    let finishReason: string | null = null;
    let usage: TokenUsage | undefined;
    for await (const chunk of ctx.llm.chatStream({ ...request, signal })) {
      if (chunk.type === 'delta') emit(stripper.push(chunk.text));
      else {
        finishReason = chunk.finishReason;
        usage = chunk.usage;
      }
    }
    emit(stripper.end());
    const result = { text, finishReason, usage };
    await opts.beforeDone?.(result);
    sse.send('done', { finishReason, truncated: finishReason === 'length', usage });
    return result;
  } catch (err) {
    if (!signal.aborted) sendStreamError(ctx, sse, err);
    return null;
  } finally {
    sse.end();
  }
}

export function sendStreamError(ctx: RelayContext, sse: SseStream, err: unknown): void {
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
