/**
 * Drafting prompt templates for patent, official (공문) and contract text.
 * Pure functions returning {system, user}; each template names the rule pack
 * to run on the draft before it is inserted into the document.
 */
import type { LocalizedText, PackName } from '../proofread/types';
import { neutralise } from './neutralise';

export interface Prompt {
  system: string;
  user: string;
}

export type LegalTemplateId = 'patent-claims' | 'patent-description' | 'official-draft' | 'contract-clause';

export interface LegalTemplate<I> {
  id: LegalTemplateId;
  label: LocalizedText;
  description: LocalizedText;
  /** Pack to run on the draft (npm run check -- FILE --pack …) before insertion. */
  pack: PackName;
  build(input: I): Prompt;
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

export const PATENT_CLAIMS_SYSTEM = [
  '당신은 한국 특허 명세서를 쓰는 변리사입니다. 특허법 제42조 제4항·제6항과 특허법 시행령 제5조에 맞게 청구범위를 씁니다.',
  '규칙:',
  '1. 독립항은 하나만 쓰고, 나머지는 종속항으로 씁니다.',
  '2. 각 청구항은 "【청구항 N】" 제목 줄 다음 줄부터 쓰고, 번호는 1부터 차례대로 붙입니다.',
  '3. 종속항은 "제N항에 있어서,"로 시작하며 먼저 적은 청구항만 인용합니다.',
  '4. 둘 이상의 항을 인용할 때는 "제1항 또는 제2항에 있어서", "제1항 내지 제3항 중 어느 한 항에 있어서"처럼 택일적으로 씁니다("및" 금지).',
  '5. 둘 이상의 항을 인용하는 청구항은 다시 둘 이상의 항을 인용하는 청구항을 인용하지 않습니다.',
  '6. 구성요소는 처음 나올 때 "상기" 없이 도입하고, 다시 가리킬 때만 "상기 X"라고 씁니다. 이 청구항이나 인용한 청구항에서 도입하지 않은 구성요소에 "상기"를 붙이지 마십시오.',
  '7. 도면 부호는 발명의 설명에 있는 것만, 설명과 같은 이름과 함께 "제어부(110)"처럼 씁니다. 한 구성요소에 한 부호, 한 부호에 한 구성요소입니다.',
  '8. 같은 구성요소는 모든 청구항에서 같은 이름으로 부릅니다.',
  '출력은 청구범위 본문만, 설명이나 머리말 없이 씁니다.',
].join('\n');

export function buildClaimsPrompt(input: ClaimsInput): Prompt {
  const category = neutralise(input.category?.trim() || '장치');
  const n = Math.max(1, Math.min(20, input.dependentCount ?? 5));
  return {
    system: PATENT_CLAIMS_SYSTEM,
    user: [
      `다음 발명의 설명을 바탕으로 "${category}"에 관한 독립항 1개와 종속항 ${n}개로 이루어진 청구범위를 작성하십시오.`,
      '도면 부호는 아래 설명에 나온 부호만 그대로 쓰십시오.',
      '',
      '[발명의 설명]',
      clip(input.description),
    ].join('\n'),
  };
}

export type DescriptionSection =
  | '기술분야'
  | '배경기술'
  | '해결하고자 하는 과제'
  | '과제의 해결 수단'
  | '발명의 효과'
  | '도면의 간단한 설명'
  | '발명을 실시하기 위한 구체적인 내용';

export const DESCRIPTION_SECTIONS: readonly DescriptionSection[] = [
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

export const PATENT_DESCRIPTION_SYSTEM = [
  '당신은 한국 특허 명세서를 쓰는 변리사입니다. 특허법 제42조 제3항(통상의 기술자가 쉽게 실시할 수 있도록 명확하고 상세하게, 배경기술 포함)과 특허법 시행규칙 별지 서식(명세서)의 식별항목에 맞게 발명의 설명을 씁니다.',
  '규칙:',
  '1. 각 항목은 "【항목명】" 줄로 시작하고, 항목 순서는 서식 순서를 따릅니다: 【기술분야】, 【배경기술】, 【발명의 내용】(그 아래 【해결하고자 하는 과제】, 【과제의 해결 수단】, 【발명의 효과】), 【도면의 간단한 설명】, 【발명을 실시하기 위한 구체적인 내용】.',
  '2. 구성요소에는 "제어부(110)"처럼 도면 부호를 붙이고, 한 구성요소에 한 부호, 한 부호에 한 구성요소만 씁니다.',
  '3. 같은 구성요소는 끝까지 같은 이름으로 씁니다.',
  '4. 도면은 "도 1은 …이다."처럼 설명합니다.',
  '5. 노트에 없는 사실(실험 수치, 선행문헌 번호)은 지어내지 말고 "[확인 필요]"로 표시합니다.',
  '출력은 항목 본문만 씁니다.',
].join('\n');

export function buildDescriptionPrompt(input: DescriptionInput): Prompt {
  const sections = input.sections?.length ? input.sections : DESCRIPTION_SECTIONS;
  return {
    system: PATENT_DESCRIPTION_SYSTEM,
    user: [
      `발명의 명칭: ${one(input.title)}`,
      `작성할 항목: ${sections.map((s) => `【${s}】`).join(', ')}`,
      '',
      '[발명자 노트]',
      clip(input.notes),
    ].join('\n'),
  };
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

export const OFFICIAL_DRAFT_SYSTEM = [
  '당신은 행정기관의 기안문을 쓰는 공무원입니다. 「행정업무의 운영 및 혁신에 관한 규정」 제7조, 같은 규정 시행규칙과 행정업무운영 편람의 문서 작성 기준을 따릅니다.',
  '규칙:',
  '1. 첫 줄부터 "수신  …", "(경유)", "제목  …" 순서로 쓰고 이어서 본문을 씁니다.',
  '2. 본문 항목은 1. → 가. → 1) → 가) → (1) → (가) → ① → ㉮ 순서로 나누고, 각 단계는 1이나 가부터 차례대로 씁니다.',
  '3. 날짜는 "2025. 1. 29."처럼, 시각은 24시각제로 "15:20"처럼 씁니다.',
  '4. 금액은 "금113,560원(금일십일만삼천오백육십원)"처럼 숫자 뒤 괄호에 한글로 씁니다.',
  '5. 기간은 "2025. 3. 1.∼3. 31."처럼 물결표로 쓰고 "까지"를 겹쳐 쓰지 않습니다.',
  '6. 외국어는 한글 다음 괄호에 씁니다: 업무협약(MOU).',
  '7. 붙임이 있으면 본문 다음 줄에 "붙임  1. … 1부." 형식으로 쓰고, 마지막 붙임 뒤에 두 칸 띄우고 "끝."을 씁니다. 붙임이 없으면 본문 마지막 문장 뒤에 두 칸 띄우고 "끝."을 씁니다.',
  '8. 간결하고 명확한 공문체(-합니다, -하기 바랍니다)를 씁니다.',
  '출력은 기안문 본문만 씁니다(발신명의 줄까지).',
].join('\n');

export function buildOfficialDraftPrompt(input: OfficialDraftInput): Prompt {
  const att = input.attachments?.length ? `\n[붙임]\n${bullets(input.attachments)}` : '\n[붙임]\n없음';
  return {
    system: OFFICIAL_DRAFT_SYSTEM,
    user: [
      `발신 기관: ${one(input.agency)}`,
      `수신: ${one(input.recipient)}`,
      `제목: ${one(input.title)}`,
      '',
      '[담을 내용]',
      bullets(input.points),
      att,
    ].join('\n'),
  };
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

export const CONTRACT_CLAUSE_SYSTEM = [
  '당신은 한국어 계약서를 쓰는 법무 담당자입니다.',
  '규칙:',
  '1. 조문은 "제N조(제목)"로 시작하고, 항이 둘 이상이면 ①, ②…로 나눕니다.',
  '2. 이미 정의된 용어는 정의된 그대로(따옴표 없이) 쓰고, 당사자의 회사명 등 원래 이름이나 띄어쓰기가 다른 변형(본계약/본 계약)을 섞지 않습니다.',
  '3. 새 용어가 필요하면 처음 나오는 곳에서 (이하 "용어"라 한다)로 정의한 뒤에만 씁니다. 정의하지 않은 말을 따옴표로 묶지 않습니다.',
  '4. 다른 조항은 주어진 목록에 있는 조·항만 "제N조 제M항"처럼 인용합니다. 법령은 「법령명」 제N조처럼 씁니다.',
  '5. 날짜는 "2025. 1. 29.", 금액은 "금50,000,000원(금오천만원)"처럼 씁니다.',
  '출력은 조문만 씁니다.',
].join('\n');

export function buildContractClausePrompt(input: ContractClauseInput): Prompt {
  const lines: string[] = [];
  if (input.article) lines.push(`조문: 제${input.article.number}조(${one(input.article.title)})`);
  lines.push(`정의된 용어: ${input.definedTerms?.length ? input.definedTerms.map(one).join(', ') : '없음'}`);
  const arts = Object.entries(input.existingArticles ?? {});
  lines.push(
    `인용할 수 있는 조항: ${arts.length ? arts.map(([n, k]) => (k > 1 ? `제${n}조(제1항∼제${k}항)` : `제${n}조`)).join(', ') : '없음'}`,
  );
  lines.push('', '[조항에 담을 내용]', clip(input.description));
  return { system: CONTRACT_CLAUSE_SYSTEM, user: lines.join('\n') };
}

/* ------------------------------------------------------------------ list */

export const LEGAL_TEMPLATES = [
  {
    id: 'patent-claims',
    label: { ko: '청구범위 초안', en: 'Draft claims' },
    description: {
      ko: '발명의 설명으로 독립항 1개와 종속항을 씁니다(상기·도면 부호·인용 형식 준수).',
      en: 'One independent claim and dependent claims from the invention description.',
    },
    pack: 'patent',
    build: buildClaimsPrompt,
  } satisfies LegalTemplate<ClaimsInput>,
  {
    id: 'patent-description',
    label: { ko: '발명의 설명 초안', en: 'Draft description sections' },
    description: {
      ko: '기술분야부터 구체적인 내용까지 서식 항목에 맞춰 씁니다.',
      en: 'KIPO description sections, from 기술분야 to the detailed description.',
    },
    pack: 'patent',
    build: buildDescriptionPrompt,
  } satisfies LegalTemplate<DescriptionInput>,
  {
    id: 'official-draft',
    label: { ko: '공문(기안문) 초안', en: 'Draft official letter (기안문)' },
    description: {
      ko: '요점 목록으로 수신·제목·본문·붙임·끝. 형식의 기안문을 씁니다.',
      en: 'An official letter (수신, 제목, body, 붙임, 끝.) from bullet points.',
    },
    pack: 'official',
    build: buildOfficialDraftPrompt,
  } satisfies LegalTemplate<OfficialDraftInput>,
  {
    id: 'contract-clause',
    label: { ko: '계약 조항 초안', en: 'Draft contract clause' },
    description: {
      ko: '설명으로 조문을 씁니다(정의된 용어·조항 인용 일관성 유지).',
      en: 'A contract article from a description, keeping defined terms and cross-references consistent.',
    },
    pack: 'contract',
    build: buildContractClausePrompt,
  } satisfies LegalTemplate<ContractClauseInput>,
] as const;

/** For the UI: ids, labels and the pack each draft is checked with. */
export function listLegalTemplates(): Array<{ id: LegalTemplateId; label: LocalizedText; description: LocalizedText; pack: PackName }> {
  return LEGAL_TEMPLATES.map(({ id, label, description, pack }) => ({ id, label, description, pack }));
}
