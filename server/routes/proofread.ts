/**
 * POST /api/proofread: rule and dictionary findings first (at once), then the model
 * layer's per batch, as SSE `suggestions` events; `progress`; `done`. A failing
 * model layer is reported as `error` with `layer: 'model'`, followed by `done`:
 * the offline findings already delivered stay valid. Paragraphs the model did not check
 * arrive as `unchecked` events (and their count in `done`). The model layer is the shared
 * proofreader (server/proofread/proofreader.ts), the same the CLIs use.
 */
import { Router } from 'express';
import type { RelayContext } from '../context';
import { ApiError } from '../errors';
import { UpstreamError } from '../llm/errors';
import type { Paragraph, Suggestion } from '../proofread/types';
import { proofreaderFromContext } from '../proofread/proofreader';
import { abortOnClientClose, openSse } from '../sse';
import { reserveModelSlot, sendStreamError } from '../stream-task';
import { audit, outcomeOf, type AuditOutcome } from '../observability/audit';
import { jsonBody, parseBody } from '../validation';
import { proofreadRequestSchema } from '../../kernel/contract/requests';
import type { ProofreadEventData } from '../../kernel/contract/events';

export function proofreadRouter(ctx: RelayContext): Router {
  const router = Router();
  const proofreader = proofreaderFromContext(ctx);
  const schema = proofreadRequestSchema(ctx.config.MAX_TEXT_CHARS);

  router.post('/proofread', async (req, res) => {
    const body = parseBody(schema, jsonBody(req));
    const total = body.paragraphs.reduce((n, p) => n + p.text.length, 0);
    if (total > ctx.config.MAX_TEXT_CHARS) {
      throw new ApiError(413, 'TEXT_TOO_LARGE', `The text is longer than ${ctx.config.MAX_TEXT_CHARS} characters.`);
    }
    const paragraphs: Paragraph[] = body.paragraphs;
    const { pack, categories, model, register, recommendations } = body.options;
    // The offline check runs before the stream opens (in the rules worker pool, behind the model
    // gate: 503 BUSY when full): should it fail, the answer is a plain {code, message}.
    const offline = await ctx.rules.check(paragraphs, { pack, categories, ...(recommendations ? { minConfidence: 0 } : {}) });
    const sent: Suggestion[] = offline.suggestions;
    const controller = abortOnClientClose(res);
    if (model) await reserveModelSlot(ctx, res, controller.signal, { task: 'proofread', input: paragraphs });
    let outcome: AuditOutcome = 'ok';
    const sse = openSse<ProofreadEventData>(res);
    sse.send('suggestions', { layer: 'rules', suggestions: sent, ...(offline.truncated ? { truncated: true } : {}) });
    let fromCache = 0;
    let unreadable = 0;
    let unchecked = 0;
    if (model && !controller.signal.aborted) {
      try {
        await proofreader.checkWithModel(paragraphs, {
          pack,
          register,
          categories,
          delivered: sent,
          signal: controller.signal,
          onSuggestions: (fresh, progress) => {
            fromCache = progress.fromCache;
            unreadable = progress.unreadable;
            sent.push(...fresh);
            if (fresh.length) sse.send('suggestions', { layer: 'model', suggestions: fresh });
            sse.send('progress', { phase: 'model', done: progress.done, total: progress.total });
          },
          // Paragraphs the model did not check are named, never passed off as clean.
          onUnchecked: (u) => {
            unchecked += u.paragraphIds.length;
            sse.send('unchecked', { layer: 'model', paragraphIds: u.paragraphIds, reason: u.reason });
          },
        });
      } catch (err) {
        outcome = outcomeOf(err, controller.signal);
        if (controller.signal.aborted) {
          sse.end();
          audit(ctx, res, { task: 'proofread', input: paragraphs, outcome });
          return;
        }
        if (err instanceof UpstreamError) {
          ctx.log.warn({ code: err.code, upstreamStatus: err.upstreamStatus }, 'proofread model layer failed');
          sse.send('error', { code: err.code, message: err.message, retryable: err.retryable, layer: 'model' });
        } else {
          sendStreamError(ctx, sse, err);
        }
      }
    }
    if (unreadable > 0 && !controller.signal.aborted) {
      outcome = 'UPSTREAM_BAD_RESPONSE';
      sse.send('error', {
        code: 'UPSTREAM_BAD_RESPONSE',
        message: `The model's answer could not be read for ${unreadable} batch(es), even after a retry; those paragraphs have rule findings only.`,
        retryable: true,
        layer: 'model',
      });
    }
    sse.send('done', { total: sent.length, fromCache, unchecked });
    sse.end();
    audit(ctx, res, { task: 'proofread', input: paragraphs, outcome });
  });
  return router;
}
