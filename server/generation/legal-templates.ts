/**
 * Drafting prompt templates for patent, official (공문) and contract text.
 * Pure functions returning {system, user, temperature, maxTokens}; the texts live in the
 * versioned prompt files server/prompts/<template id>.json (PROMPTS_DIR can override them);
 * each template names the rule pack to run on the draft before it is inserted.
 */
import type { LocalizedText, PackName } from '../proofread/types';
import { neutralise } from './neutralise';
import { frag, loadPrompts, render, type PromptFile, type Prompts } from './prompts';
import { LEGAL_TEMPLATE_IDS, type LegalTemplateId } from './template-ids';

export type { LegalTemplateId } from './template-ids';

export interface Prompt {
  system: string;
  user: string;
  temperature: number;
  maxTokens: number;
}

let builtin: Prompts | null = null;
const fileFor = (id: LegalTemplateId, prompts?: Prompts): PromptFile => (prompts ?? (builtin ??= loadPrompts())).files[id];
const prompt = (f: PromptFile, vars: Record<string, string>): Prompt => ({
  system: f.system,
  user: render(f.user, vars),
  temperature: f.temperature,
  maxTokens: f.maxTokens.default!,
});

export interface LegalTemplate<I> {
  id: LegalTemplateId;
  label: LocalizedText;
  description: LocalizedText;
  /** Pack to run on the draft (npm run check -- FILE --pack …) before insertion. */
  pack: PackName;
  build(input: I, prompts?: Prompts): Prompt;
}

/** User text: neutralised (role markers, special tokens) and clipped. */
const clip = (s: string, max = 12000) => neutralise(s.length > max ? `${s.slice(0, max)}\n…(이하 생략)` : s);
const one = (s: string) => neutralise(s.trim());
const bullets = (xs: readonly string[]) => xs.map((x) => `- ${one(x)}`).join('\n');

/* ---------------------------------------------------------------- patent */

export interface ClaimsInput {
  /** The invention as described by the inventor or in a draft 발명의 설명 (with reference numerals). */
  description: string;
  /** "장치", "방법", "시스템" … (category of the independent claim). Default: 장치. */
  category?: string;
  /** How many dependent claims to write. Default 5. */
  dependentCount?: number;
}

export function buildClaimsPrompt(input: ClaimsInput, prompts?: Prompts): Prompt {
  const f = fileFor('patent-claims', prompts);
  const n = Math.max(1, Math.min(20, input.dependentCount ?? 5));
  return prompt(f, {
    category: neutralise(input.category?.trim() || frag(f, 'defaultCategory')),
    count: String(n),
    description: clip(input.description),
  });
}

export type DescriptionSection =
  | '기술분야'
  | '배경기술'
  | '해결하고자 하는 과제'
  | '과제의 해결 수단'
  | '발명의 효과'
  | '도면의 간단한 설명'
  | '발명을 실시하기 위한 구체적인 내용';

const DESCRIPTION_SECTIONS: readonly DescriptionSection[] = [
  '기술분야',
  '배경기술',
  '해결하고자 하는 과제',
  '과제의 해결 수단',
  '발명의 효과',
  '도면의 간단한 설명',
  '발명을 실시하기 위한 구체적인 내용',
];

export interface DescriptionInput {
  title: string;
  /** Inventor's notes, prior art, drawings list, claims … */
  notes: string;
  /** Sections to write; default all. */
  sections?: readonly DescriptionSection[];
}

function buildDescriptionPrompt(input: DescriptionInput, prompts?: Prompts): Prompt {
  const sections = input.sections?.length ? input.sections : DESCRIPTION_SECTIONS;
  return prompt(fileFor('patent-description', prompts), {
    title: one(input.title),
    sections: sections.map((s) => `【${s}】`).join(', '),
    notes: clip(input.notes),
  });
}

/* --------------------------------------------------------------- official */

export interface OfficialDraftInput {
  /** 발신 기관 (e.g. 행정안전부). */
  agency: string;
  /** 수신 (e.g. "수신자 참조", "내부결재"). */
  recipient: string;
  title: string;
  points: readonly string[];
  /** Attachments, e.g. ["운영 계획 1부"]. */
  attachments?: readonly string[];
}

export function buildOfficialDraftPrompt(input: OfficialDraftInput, prompts?: Prompts): Prompt {
  const f = fileFor('official-draft', prompts);
  return prompt(f, {
    agency: one(input.agency),
    recipient: one(input.recipient),
    title: one(input.title),
    points: bullets(input.points),
    attachments: input.attachments?.length ? bullets(input.attachments) : frag(f, 'none'),
  });
}

/* --------------------------------------------------------------- contract */

export interface ContractClauseInput {
  /** What the clause must say. */
  description: string;
  /** Article number and title, e.g. { number: 7, title: '지체상금' }. */
  article?: { number: number; title: string };
  /** Terms already defined in the contract, e.g. ['갑', '을', '본 계약', '산출물']. */
  definedTerms?: readonly string[];
  /** Article numbers (and their 항 counts) that exist, for cross-references: { 5: 1, 6: 3 }. */
  existingArticles?: Readonly<Record<number, number>>;
}

export function buildContractClausePrompt(input: ContractClauseInput, prompts?: Prompts): Prompt {
  const f = fileFor('contract-clause', prompts);
  const arts = Object.entries(input.existingArticles ?? {});
  return prompt(f, {
    article: input.article ? render(frag(f, 'article'), { number: String(input.article.number), title: one(input.article.title) }) : '',
    definedTerms: input.definedTerms?.length ? input.definedTerms.map(one).join(', ') : frag(f, 'none'),
    articles: arts.length ? arts.map(([n, k]) => (k > 1 ? `제${n}조(제1항∼제${k}항)` : `제${n}조`)).join(', ') : frag(f, 'none'),
    description: clip(input.description),
  });
}

/* ------------------------------------------------------------------ list */

const patentClaims = {
  id: 'patent-claims',
  label: { ko: '청구범위 초안', en: 'Draft claims' },
  description: {
    ko: '발명의 설명으로 독립항 1개와 종속항을 씁니다(상기·도면 부호·인용 형식 준수).',
    en: 'One independent claim and dependent claims from the invention description.',
  },
  pack: 'patent',
  build: buildClaimsPrompt,
} as const satisfies LegalTemplate<ClaimsInput>;

const patentDescription = {
  id: 'patent-description',
  label: { ko: '발명의 설명 초안', en: 'Draft description sections' },
  description: {
    ko: '기술분야부터 구체적인 내용까지 서식 항목에 맞춰 씁니다.',
    en: 'KIPO description sections, from 기술분야 to the detailed description.',
  },
  pack: 'patent',
  build: buildDescriptionPrompt,
} as const satisfies LegalTemplate<DescriptionInput>;

const officialDraft = {
  id: 'official-draft',
  label: { ko: '공문(기안문) 초안', en: 'Draft official letter (기안문)' },
  description: {
    ko: '요점 목록으로 수신·제목·본문·붙임·끝. 형식의 기안문을 씁니다.',
    en: 'An official letter (수신, 제목, body, 붙임, 끝.) from bullet points.',
  },
  pack: 'official',
  build: buildOfficialDraftPrompt,
} as const satisfies LegalTemplate<OfficialDraftInput>;

const contractClause = {
  id: 'contract-clause',
  label: { ko: '계약 조항 초안', en: 'Draft contract clause' },
  description: {
    ko: '설명으로 조문을 씁니다(정의된 용어·조항 인용 일관성 유지).',
    en: 'A contract article from a description, keeping defined terms and cross-references consistent.',
  },
  pack: 'contract',
  build: buildContractClausePrompt,
} as const satisfies LegalTemplate<ContractClauseInput>;

/** Each legal template by its stable id (the ids: server/generation/template-ids.ts). */
export const LEGAL_TEMPLATE_BY_ID = {
  'patent-claims': patentClaims,
  'patent-description': patentDescription,
  'official-draft': officialDraft,
  'contract-clause': contractClause,
} as const satisfies { [K in LegalTemplateId]: LegalTemplate<never> & { id: K } };

/** The legal templates in the order the pane lists them (LEGAL_TEMPLATE_IDS). */
export const LEGAL_TEMPLATES = [patentClaims, patentDescription, officialDraft, contractClause] as const;

/** For the UI: ids, labels and the pack each draft is checked with. */
export function listLegalTemplates(): Array<{ id: LegalTemplateId; label: LocalizedText; description: LocalizedText; pack: PackName }> {
  return LEGAL_TEMPLATE_IDS.map((id) => {
    const { label, description, pack } = LEGAL_TEMPLATE_BY_ID[id];
    return { id, label, description, pack };
  });
}
