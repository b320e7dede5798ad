/**
 * Drafting and rewriting, streamed as SSE, and the template list. The route parses, calls and
 * streams: which prompt a template uses and which pack checks its draft is
 * server/generation/drafts.ts. Drafts from a legal template (patent, 공문, contract) are checked
 * with that template's rule pack before `done`, and the findings are sent with them
 * (`findings`), so the writer sees them before inserting.
 */
import { Router } from 'express';
import { z } from 'zod';
import type { RelayContext } from '../context';
import { ApiError } from '../errors';
import { planDraft, listTemplates } from '../generation/drafts';
import { countPromptTokens } from '../generation/map-reduce';
import { REWRITE_STYLES, buildMessages, withContinuation } from '../generation/prompts';
import { TEMPLATE_IDS } from '../generation/template-ids';
import type { ChatMessage } from '../llm/types';
import { runStreamedTask } from '../stream-task';
import { documentText, jsonBody, parseBody } from '../validation';

export function generateRouter(ctx: RelayContext): Router {
  const router = Router();
  const text = documentText(ctx.config.MAX_TEXT_CHARS);
  const draftSchema = z.strictObject({
    instruction: z.string({ error: 'expected a string' }).trim().min(1, 'expected an instruction').max(4000, 'expected at most 4000 characters'),
    template: z.enum(TEMPLATE_IDS, { error: `expected one of ${TEMPLATE_IDS.join(', ')}` }).optional(),
    text: text.optional(),
    /** The answer so far, when the model was cut off and the user asked to continue. */
    continueFrom: text.optional(),
  });
  const rewriteSchema = z
    .strictObject({
      text: text.refine((s) => s.trim().length > 0, 'expected some text to rewrite'),
      style: z.enum(REWRITE_STYLES, { error: `expected one of ${REWRITE_STYLES.join(', ')}` }),
      instruction: z.string({ error: 'expected a string' }).trim().max(1000, 'expected at most 1000 characters').optional(),
      continueFrom: text.optional(),
    })
    .refine((b) => b.style !== 'free' || Boolean(b.instruction), { message: "expected an instruction for style 'free'", path: ['instruction'] });

  /** 413 before streaming when the prompt and its output cannot fit the model's window. */
  async function assertFits(messages: ChatMessage[], maxTokens: number | undefined): Promise<number> {
    const info = await ctx.backend();
    const window = info.contextWindow ?? ctx.config.LLM_CONTEXT_WINDOW;
    const promptTokens = await countPromptTokens(messages, (t) => ctx.countTokens(t));
    if (promptTokens + (maxTokens ?? 512) > window) {
      throw new ApiError(413, 'TEXT_TOO_LARGE', `The text needs about ${promptTokens} tokens; the model's window is ${window}.`);
    }
    return promptTokens;
  }

  router.post('/draft', async (req, res) => {
    const body = parseBody(draftSchema, jsonBody(req));
    const grounding = body.text ?? '';
    const { pack, ...prompt } = planDraft(body, ctx.prompts);
    await assertFits(prompt.messages, prompt.maxTokens);
    await runStreamedTask(ctx, res, { task: 'draft', input: [body.instruction, grounding] }, prompt, {
      beforeDone: async (result, sse) => {
        if (!pack) return;
        const engine = await ctx.engine();
        // Findings cover the whole draft: the part before a continuation and the new text.
        const paragraphs = ((body.continueFrom ?? '') + result.text).split('\n').map((t, i) => ({ id: `d${i}`, text: t.normalize('NFC') }));
        const findings = engine.check(paragraphs, { pack });
        sse.send('findings', { pack, suggestions: findings });
      },
    });
  });

  router.post('/rewrite', async (req, res) => {
    const body = parseBody(rewriteSchema, jsonBody(req));
    const built = buildMessages({ task: 'rewrite', style: body.style, instruction: body.instruction }, body.text, ctx.prompts);
    built.messages = withContinuation(built.messages, body.continueFrom, ctx.prompts);
    await assertFits(built.messages, built.maxTokens);
    await runStreamedTask(ctx, res, { task: 'rewrite', input: body.text }, built);
  });

  router.get('/templates', (_req, res) => {
    res.set('cache-control', 'no-cache').json({ templates: listTemplates() });
  });
  return router;
}
