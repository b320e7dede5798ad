/**
 * Streams one model completion to the pane as SSE `text` events, then `done`
 * (with the finish reason; `truncated` when the model hit its length limit) or
 * `error` ({code, message}). The upstream request is aborted with `signal`.
 */
import type { RelayContext } from './context';
import { UpstreamError } from './llm/errors';
import type { ChatRequest } from './llm/types';
import type { SseStream } from './sse';

export async function streamTask(
  ctx: RelayContext,
  sse: SseStream,
  signal: AbortSignal,
  request: Omit<ChatRequest, 'signal'>,
): Promise<void> {
  try {
    let finishReason: string | null = null;
    let usage: unknown;
    for await (const chunk of ctx.llm.chatStream({ ...request, signal })) {
      if (chunk.type === 'delta') sse.send('text', { text: chunk.text });
      else {
        finishReason = chunk.finishReason;
        usage = chunk.usage;
      }
    }
    sse.send('done', { finishReason, truncated: finishReason === 'length', usage });
  } catch (err) {
    sendStreamError(ctx, sse, err);
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
  ctx.log.error({ err: err instanceof Error ? { name: err.name, stack: err.stack } : String(err) }, 'task failed');
  sse.send('error', { code: 'INTERNAL', message: 'The relay hit an unexpected error.', retryable: false });
}
