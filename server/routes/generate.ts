/**
 * Drafting and rewriting, streamed as SSE; the template list; the document-type
 * suggestion. Drafts from a legal template (patent, 공문, contract) are checked
 * with that template's rule pack before `done`, and the findings are sent with them
 * (`findings`), so the writer sees them before inserting.
 */
import { Router } from 'express';
import type { RelayContext } from '../context';
import { ApiError } from '../errors';
import {
  LEGAL_TEMPLATES,
  listLegalTemplates,
  type LegalTemplateId,
  type Prompt,
} from '../generation/legal-templates';
import { countPromptTokens } from '../generation/map-reduce';
import { DRAFT_TEMPLATES, buildMessages, neutralizeDelimiters, withContinuation, type Prompts } from '../generation/prompts';
import type { ChatMessage } from '../llm/types';
import { findDefinitions, parseArticles } from '../proofread/packs/contract/structure';
import { suggestDocType, docTypeScores } from '../proofread/doc-type';
import type { LocalizedText, PackName } from '../proofread/types';
import { runStreamedTask } from '../stream-task';
import { jsonBody, parseBody } from '../validation';
import { doctypeRequestSchema, draftRequestSchema, rewriteRequestSchema } from '../../kernel/contract/requests';
import { draftLineId, type DraftEventData } from '../../kernel/contract/events';
import type { TemplateInfo } from '../../kernel/contract/templates';

const GENERAL_TEMPLATE_LABELS: Record<(typeof DRAFT_TEMPLATES)[number], LocalizedText> = {
  'official-letter': { ko: '공문(기안문)', en: 'Official letter (기안문)' },
  'report-outline': { ko: '보고서 개요', en: 'Report outline' },
  email: { ko: '이메일', en: 'Email' },
  minutes: { ko: '회의록', en: 'Meeting minutes' },
  'press-release': { ko: '보도자료', en: 'Press release' },
};

const lines = (s: string) =>
  s
    .split('\n')
    .map((l) => l.replace(/^\s*(?:[-*•]|\d+[.)])\s*/, '').trim())
    .filter(Boolean);

/** Maps the pane's free instruction (+ optional grounding text) onto a legal template's input. */
export function legalPrompt(id: LegalTemplateId, instruction: string, grounding: string, prompts?: Prompts): Prompt {
  const both = [instruction, grounding].filter((s) => s.trim()).join('\n\n');
  switch (id) {
    case 'patent-claims':
      return LEGAL_TEMPLATES[0].build({ description: both }, prompts);
    case 'patent-description': {
      const [title = '발명', ...rest] = lines(instruction);
      return LEGAL_TEMPLATES[1].build({ title, notes: [rest.join('\n'), grounding].filter(Boolean).join('\n\n') }, prompts);
    }
    case 'official-draft': {
      const [title = '제목', ...points] = lines(instruction);
      return LEGAL_TEMPLATES[2].build({ agency: '(발신 기관)', recipient: '수신자 참조', title, points: points.length ? points : [title] }, prompts);
    }
    case 'contract-clause': {
      const paragraphs = grounding.split('\n');
      const definedTerms = [...new Set(findDefinitions(paragraphs).map((d) => d.term))];
      const existingArticles: Record<number, number> = {};
      for (const a of parseArticles(paragraphs)) {
        const n = Number(a.key.split('-')[0]);
        if (Number.isFinite(n)) existingArticles[n] = Math.max(a.paras.size, existingArticles[n] ?? 0);
      }
      return LEGAL_TEMPLATES[3].build({ description: instruction, definedTerms, existingArticles }, prompts);
    }
  }
}

function asMessages(p: Prompt): ChatMessage[] {
  return [
    { role: 'system', content: p.system },
    { role: 'user', content: p.user },
  ];
}

export function generateRouter(ctx: RelayContext): Router {
  const router = Router();
  const draftSchema = draftRequestSchema(ctx.config.MAX_TEXT_CHARS);
  const rewriteSchema = rewriteRequestSchema(ctx.config.MAX_TEXT_CHARS);

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
    const legal = LEGAL_TEMPLATES.find((t) => t.id === body.template);
    let messages: ChatMessage[];
    let temperature = 0.5;
    let maxTokens: number | undefined;
    let pack: PackName | null = null;
    if (legal) {
      const p = legalPrompt(legal.id, body.instruction, neutralizeDelimiters(grounding), ctx.prompts);
      messages = asMessages(p);
      pack = legal.pack;
      ({ temperature, maxTokens } = p);
    } else {
      const built = buildMessages(
        { task: 'draft', instruction: body.instruction, template: body.template as (typeof DRAFT_TEMPLATES)[number] | undefined },
        grounding,
        ctx.prompts,
      );
      ({ messages, temperature, maxTokens } = built);
    }
    messages = withContinuation(messages, body.continueFrom, ctx.prompts);
    await assertFits(messages, maxTokens);
    await runStreamedTask<DraftEventData>(ctx, res, { task: 'draft', input: [body.instruction, grounding] }, { messages, temperature, maxTokens }, {
      beforeDone: async (result, sse) => {
        if (!pack) return;
        const engine = await ctx.engine();
        // Findings cover the whole draft: the part before a continuation and the new text,
        // one paragraph per line (the offsets contract of the `findings` event).
        const paragraphs = ((body.continueFrom ?? '') + result.text).split('\n').map((t, i) => ({ id: draftLineId(i), text: t.normalize('NFC') }));
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
    const general = DRAFT_TEMPLATES.map((id): TemplateInfo => ({ id, kind: 'general', label: GENERAL_TEMPLATE_LABELS[id], pack: 'general' }));
    const legal = listLegalTemplates().map((t): TemplateInfo => ({ ...t, kind: 'legal' }));
    res.set('cache-control', 'no-cache').json({ templates: [...general, ...legal] });
  });

  const doctypeSchema = doctypeRequestSchema(ctx.config.MAX_TEXT_CHARS);
  router.post('/doctype', (req, res) => {
    const { paragraphs } = parseBody(doctypeSchema, jsonBody(req));
    res.json({ docType: suggestDocType(paragraphs), scores: docTypeScores(paragraphs) });
  });
  return router;
}
