/**
 * POST /api/proofread: rule and dictionary findings first (at once), then the model
 * layer's per batch, as SSE `suggestions` events; `progress`; `done`. A failing
 * model layer is reported as `error` with `layer: 'model'`, followed by `done`:
 * the offline findings already delivered stay valid.
 */
import { Router } from 'express';
import { z } from 'zod';
import type { RelayContext } from '../context';
import { ApiError } from '../errors';
import { UpstreamError } from '../llm/errors';
import { CATEGORIES, PACK_NAMES, type Category, type PackName, type Paragraph, type Suggestion } from '../proofread/types';
import { runModelLayer } from '../proofread/model-layer';
import { agree } from '../proofread/merge';
import { coalesceSuggestions } from '../proofread/coalesce';
import { estimateTokens } from '../llm/tokens';
import { abortOnClientClose, openSse } from '../sse';
import { reserveModelSlot, sendStreamError } from '../stream-task';
import { audit, outcomeOf, type AuditOutcome } from '../observability/audit';
import { documentText, jsonBody, parseBody } from '../validation';


export function proofreadOptionsSchema() {
  return z
    .strictObject({
      pack: z.enum(PACK_NAMES as [PackName, ...PackName[]]).default('general'),
      categories: z.array(z.enum(CATEGORIES as [Category, ...Category[]])).max(CATEGORIES.length).optional(),
      register: z.enum(['hapsyo', 'haera']).optional(),
      model: z.boolean().default(true),
      /** Also return recommendations below the display threshold (e.g. established loanword variants). */
      recommendations: z.boolean().default(false),
    })
    .default({ pack: 'general', model: true, recommendations: false });
}

/** The model agrees with a finding already sent: overlapping spans making the same change. */
function sameChange(a: Suggestion, b: Suggestion, text: string): boolean {
  return a.paragraphId === b.paragraphId && a.start < b.end && b.start < a.end && agree(a, b, text);
}

export function proofreadRouter(ctx: RelayContext): Router {
  const router = Router();
  const schema = z.strictObject({
    paragraphs: z
      .array(
        z.strictObject({
          id: z.string().min(1, 'expected a non-empty id').max(200),
          text: documentText(ctx.config.MAX_TEXT_CHARS),
        }),
        { error: 'expected an array of {id, text}' },
      )
      .min(1, 'expected at least one paragraph')
      .refine((ps) => new Set(ps.map((p) => p.id)).size === ps.length, 'paragraph ids must be unique'),
    options: proofreadOptionsSchema(),
  });

  router.post('/proofread', async (req, res) => {
    const body = parseBody(schema, jsonBody(req));
    const total = body.paragraphs.reduce((n, p) => n + p.text.length, 0);
    if (total > ctx.config.MAX_TEXT_CHARS) {
      throw new ApiError(413, 'TEXT_TOO_LARGE', `The text is longer than ${ctx.config.MAX_TEXT_CHARS} characters.`);
    }
    const paragraphs: Paragraph[] = body.paragraphs;
    const { pack, categories, model, register, recommendations } = body.options;
    const textOf = new Map(paragraphs.map((p) => [p.id, p.text]));
    const engine = await ctx.engine();
    // The offline check runs before the stream opens: should it fail, the answer is a plain
    // 500 {code, message}, not a stream cut off without an event.
    const sent: Suggestion[] = engine.check(paragraphs, { pack, categories, ...(recommendations ? { minConfidence: 0 } : {}) });
    const controller = abortOnClientClose(res);
    if (model) await reserveModelSlot(ctx, res, controller.signal, { task: 'proofread', input: paragraphs });
    let outcome: AuditOutcome = 'ok';
    const sse = openSse(res);
    sse.send('suggestions', { layer: 'rules', suggestions: sent });
    let fromCache = 0;
    let unreadable = 0;
    if (model && !controller.signal.aborted) {
      const wanted = categories ? new Set<Category>(categories) : null;
      try {
        await runModelLayer(paragraphs, {
          complete: (r) => ctx.llm.chat(r),
          countTokens: estimateTokens,
          concurrency: ctx.config.LLM_CONCURRENCY,
          pack,
          register,
          modelId: ctx.config.LLM_MODEL,
          cache: ctx.proofCache,
          signal: controller.signal,
          onBatch: (suggestions, progress) => {
            fromCache = progress.fromCache;
            unreadable = progress.unreadable;
            const fresh = coalesceSuggestions(suggestions, paragraphs).filter(
              (s) => (!wanted || wanted.has(s.category)) && !sent.some((o) => sameChange(o, s, textOf.get(s.paragraphId) ?? '')),
            );
            sent.push(...fresh);
            if (fresh.length) sse.send('suggestions', { layer: 'model', suggestions: fresh });
            sse.send('progress', { phase: 'model', done: progress.done, total: progress.total });
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
    sse.send('done', { total: sent.length, fromCache });
    sse.end();
    audit(ctx, res, { task: 'proofread', input: paragraphs, outcome });
  });
  return router;
}
