/**
 * POST /api/summarize: the summary streamed as SSE. A text that fits the model's
 * window goes in one streamed call; a longer one is split on heading and paragraph
 * boundaries, the chunks summarised concurrently and the partial summaries reduced
 * (recursively if needed), with `progress` events; the final call streams.
 */
import { Router } from 'express';
import type { RelayContext } from '../context';
import { mapReduceSummarize } from '../generation/map-reduce';
import { abortOnClientClose, openSse } from '../sse';
import { reserveModelSlot, sendStreamError } from '../stream-task';
import { assertTextSize, jsonBody, parseBody } from '../validation';
import { summarizeRequestSchema } from '../../kernel/contract/requests';
import type { SummarizeEventData } from '../../kernel/contract/events';
import { audit, outcomeOf, type AuditOutcome } from '../observability/audit';

export function summarizeRouter(ctx: RelayContext): Router {
  const router = Router();
  const schema = summarizeRequestSchema(ctx.config.MAX_TEXT_CHARS);

  router.post('/summarize', async (req, res) => {
    const body = jsonBody(req);
    assertTextSize((body as { text?: unknown } | null)?.text, ctx.config.MAX_TEXT_CHARS);
    const { text, options } = parseBody(schema, body);
    const controller = abortOnClientClose(res);
    const info = await ctx.backend();
    await reserveModelSlot(ctx, res, controller.signal, { task: 'summarize', input: text });
    const sse = openSse<SummarizeEventData>(res);
    let outcome: AuditOutcome = 'ok';
    try {
      const result = await mapReduceSummarize({
        text,
        spec: { task: 'summarize', ...options, focus: options.focus || undefined },
        prompts: ctx.prompts,
        complete: (r) => ctx.llm.chat(r),
        stream: (r, onDelta) => ctx.llm.chatStream(r, onDelta),
        countTokens: (t) => ctx.countTokens(t),
        contextWindow: info.contextWindow ?? ctx.config.LLM_CONTEXT_WINDOW,
        concurrency: ctx.config.LLM_CONCURRENCY,
        totalSlots: info.totalSlots,
        signal: controller.signal,
        onProgress: (p) => sse.send('progress', p),
        onDelta: (t) => sse.send('text', { text: t }),
      });
      sse.send('done', {
        finishReason: result.truncated ? 'length' : 'stop',
        truncated: result.truncated,
        mode: result.mode,
        chunks: result.chunks,
        calls: result.calls.length,
      });
    } catch (err) {
      outcome = outcomeOf(err, controller.signal);
      if (!controller.signal.aborted) sendStreamError(ctx, sse, err);
    } finally {
      sse.end();
      audit(ctx, res, { task: 'summarize', input: text, outcome });
    }
  });
  return router;
}
