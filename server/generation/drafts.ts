/**
 * A draft request → the prompt to send and the rule pack to check the result with. General
 * templates fill the draft prompt file; a legal template maps the pane's free instruction
 * (+ optional grounding text) onto its own input (patent claims, description sections, 공문,
 * contract clause). Templates are looked up by their stable ids (./template-ids.ts).
 */
import type { ChatMessage } from '../llm/types';
import { contractOutline } from '../proofread/packs/contract/structure';
import type { LocalizedText, PackName } from '../proofread/types';
import { LEGAL_TEMPLATE_BY_ID, listLegalTemplates, type Prompt } from './legal-templates';
import { buildMessages, neutralizeDelimiters, withContinuation, type BuiltPrompt, type Prompts } from './prompts';
import { DRAFT_TEMPLATES, isLegalTemplateId, type DraftTemplateId, type LegalTemplateId, type TemplateId } from './template-ids';

const GENERAL_TEMPLATE_LABELS: Record<DraftTemplateId, LocalizedText> = {
  'official-letter': { ko: '공문(기안문)', en: 'Official letter (기안문)' },
  'report-outline': { ko: '보고서 개요', en: 'Report outline' },
  email: { ko: '이메일', en: 'Email' },
  minutes: { ko: '회의록', en: 'Meeting minutes' },
  'press-release': { ko: '보도자료', en: 'Press release' },
};

export interface TemplateListing {
  id: TemplateId;
  kind: 'general' | 'legal';
  label: LocalizedText;
  description?: LocalizedText;
  pack: PackName;
}

/** GET /api/templates: the general templates, then the legal ones, each with the pack its draft is checked with. */
export function listTemplates(): TemplateListing[] {
  const general = DRAFT_TEMPLATES.map((id) => ({
    id,
    kind: 'general' as const,
    label: GENERAL_TEMPLATE_LABELS[id],
    pack: 'general' as const,
  }));
  const legal = listLegalTemplates().map((t) => ({ ...t, kind: 'legal' as const }));
  return [...general, ...legal];
}

/** The instruction's lines without list markers (the first is a title). */
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
      return LEGAL_TEMPLATE_BY_ID[id].build({ description: both }, prompts);
    case 'patent-description': {
      const [title = '발명', ...rest] = lines(instruction);
      return LEGAL_TEMPLATE_BY_ID[id].build({ title, notes: [rest.join('\n'), grounding].filter(Boolean).join('\n\n') }, prompts);
    }
    case 'official-draft': {
      const [title = '제목', ...points] = lines(instruction);
      return LEGAL_TEMPLATE_BY_ID[id].build(
        { agency: '(발신 기관)', recipient: '수신자 참조', title, points: points.length ? points : [title] },
        prompts,
      );
    }
    case 'contract-clause':
      return LEGAL_TEMPLATE_BY_ID[id].build({ description: instruction, ...contractOutline(grounding.split('\n')) }, prompts);
  }
}

export interface DraftRequest {
  instruction: string;
  template?: TemplateId;
  /** Grounding text (may be empty). */
  text?: string;
  /** The answer so far, when the model was cut off and the user asked to continue. */
  continueFrom?: string;
}

export interface DraftPlan extends BuiltPrompt {
  /** The pack to check the draft with before `done` (legal templates), or null. */
  pack: PackName | null;
}

const asMessages = (p: Prompt): ChatMessage[] => [
  { role: 'system', content: p.system },
  { role: 'user', content: p.user },
];

/** The messages (with the continuation turn when continuing), sampling settings and checking pack of a draft. */
export function planDraft(request: DraftRequest, prompts: Prompts): DraftPlan {
  const grounding = request.text ?? '';
  const { template } = request;
  let plan: DraftPlan;
  if (isLegalTemplateId(template)) {
    const p = legalPrompt(template, request.instruction, neutralizeDelimiters(grounding), prompts);
    plan = { messages: asMessages(p), temperature: p.temperature, maxTokens: p.maxTokens, pack: LEGAL_TEMPLATE_BY_ID[template].pack };
  } else {
    plan = { ...buildMessages({ task: 'draft', instruction: request.instruction, template }, grounding, prompts), pack: null };
  }
  return { ...plan, messages: withContinuation(plan.messages, request.continueFrom, prompts) };
}
