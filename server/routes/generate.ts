/**
 * Drafting and rewriting, streamed as SSE, and the template list. The route parses, calls and
 * streams: which prompt a template uses and which pack checks its draft is
 * server/generation/drafts.ts. Drafts from a legal template (patent, 공문, contract) are checked
 * with that template's rule pack before `done`, and the findings are sent with them
 * (`findings`), so the writer sees them before inserting.
 */
import { Router } from 'express';
import type { RelayContext } from '../context';
import { ApiError } from '../errors';
import { planDraft, listTemplates } from '../generation/drafts';
import { countPromptTokensWithin } from '../generation/map-reduce';
import { buildMessages, withContinuation } from '../generation/prompts';
import type { ChatMessage } from '../llm/types';
import { runStreamedTask } from '../stream-task';
import { jsonBody, parseBody } from '../validation';
import { draftRequestSchema, rewriteRequestSchema } from '../../kernel/contract/requests';
import { draftLineId, type DraftEventData } from '../../kernel/contract/events';
import type { TemplateInfo } from '../../kernel/contract/templates';

export function generateRouter(ctx: RelayContext): Router {
  const router = Router();
  const draftSchema = draftRequestSchema(ctx.config.MAX_TEXT_CHARS);
  const rewriteSchema = rewriteRequestSchema(ctx.config.MAX_TEXT_CHARS);

  /** 413 before streaming when the prompt and its output cannot fit the model's window. */
  async function assertFits(messages: ChatMessage[], maxTokens: number | undefined): Promise<number> {
    const info = await ctx.backend();
    const window = info.contextWindow ?? ctx.config.LLM_CONTEXT_WINDOW;
    const promptTokens = await countPromptTokensWithin(messages, (t) => ctx.countTokens(t), window - (maxTokens ?? 512));
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
    await runStreamedTask<DraftEventData>(ctx, res, { task: 'draft', input: [body.instruction, grounding] }, prompt, {
      beforeDone: async (result, sse) => {
        if (!pack) return;
        const engine = await ctx.engine();
        // Findings cover the whole draft: the part before a continuation and the new text,
        // one paragraph per line (the offsets contract of the `findings` event).
        const paragraphs = ((body.continueFrom ?? '') + result.text)
          .split('\n')
          .map((t, i) => ({ id: draftLineId(i), text: t.normalize('NFC') }));
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
    const templates: TemplateInfo[] = listTemplates();
    res.set('cache-control', 'no-cache').json({ templates });
  });
  return router;
}
