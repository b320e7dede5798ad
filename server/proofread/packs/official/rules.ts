/**
 * Deterministic review rules for Korean official documents (공문서, pack "official").
 * Norms: 행정업무의 운영 및 혁신에 관한 규정 제7조, 같은 규정 시행규칙 제2조·제4조,
 * 행정업무운영 편람 (문서 작성 요령), 한글 맞춤법.
 */
import type { LocalizedText, Rule, RuleContext, RuleMatch } from '../../types';
import { koreanReadingToNumber, numberToKoreanReading } from './korean-number';
import { VARIABLE_PARTICLES, fitParticle } from '../contract/particles';

const t = (ko: string, en: string): LocalizedText => ({ ko, en });

function paragraphRule(
  base: Omit<Rule, 'scope' | 'check' | 'pack' | 'category'>,
  fn: (text: string) => Array<Omit<RuleMatch, 'paragraphIndex'>>,
): Rule {
  return {
    ...base,
    pack: 'official',
    category: 'official',
    scope: 'paragraph',
    check(ctx: RuleContext, i?: number): RuleMatch[] {
      if (i === undefined) return [];
      return fn(ctx.paragraphs[i]!).map((m) => ({ ...m, paragraphIndex: i }));
    },
  };
}

function overlaps(taken: Array<[number, number]>, s: number, e: number): boolean {
  return taken.some(([a, b]) => s < b && a < e);
}

/* -------------------------------------------------------------------- dates */

const validDate = (m: number, d: number) => m >= 1 && m <= 12 && d >= 1 && d <= 31;
const dateText = (y: string, m: number, d: number) => `${y}. ${m}. ${d}.`;

const dateFormat = paragraphRule(
  {
    id: 'official.date.format',
    message: t(
      '날짜는 "2025. 1. 29."처럼 연·월·일 글자를 생략하고 온점으로 적습니다.',
      'Write dates as "2025. 1. 29.": numbers with full stops instead of 년/월/일.',
    ),
    norm: '행정업무의 운영 및 혁신에 관한 규정 제7조 제5항',
    confidence: 0.9,
    examples: {
      wrong: [
        { text: '회의는 2025-01-29에 연다.', fixed: '회의는 2025. 1. 29.에 연다.' },
        { text: '2025.01.29 개최', fixed: '2025. 1. 29. 개최' },
        { text: '2025년 1월 29일까지 제출', fixed: '2025. 1. 29.까지 제출' },
        { text: '시행일: 2025. 01. 09.', fixed: '시행일: 2025. 1. 9.' },
      ],
      correct: ['회의는 2025. 1. 29.(수)에 연다.', '2025년도 예산', '2025. 3. 1.∼3. 31.', '전화 010-1234-5678'],
    },
  },
  (text) => {
    const out: Array<Omit<RuleMatch, 'paragraphIndex'>> = [];
    const taken: Array<[number, number]> = [];
    const ko = /((?:19|20)\d{2})\s*년\s*(\d{1,2})\s*월\s*(\d{1,2})\s*일/g;
    for (let m = ko.exec(text); m; m = ko.exec(text)) {
      const mo = Number(m[2]);
      const d = Number(m[3]);
      if (!validDate(mo, d)) continue;
      taken.push([m.index, m.index + m[0].length]);
      out.push({ start: m.index, end: m.index + m[0].length, replacement: dateText(m[1]!, mo, d) });
    }
    const num = /(?<![\d.])((?:19|20)\d{2})\s*([-./])\s*(\d{1,2})\s*\2\s*(\d{1,2})(?![\d:])(\s*\.)?/g;
    for (let m = num.exec(text); m; m = num.exec(text)) {
      const mo = Number(m[3]);
      const d = Number(m[4]);
      if (!validDate(mo, d)) continue;
      const s = m.index;
      const e = m.index + m[0].length;
      if (overlaps(taken, s, e)) continue;
      const fixed = dateText(m[1]!, mo, d);
      if (m[0] === fixed) continue;
      out.push({ start: s, end: e, replacement: fixed });
    }
    return out;
  },
);

/* -------------------------------------------------------------------- times */

const hhmm = (h: number, m: number) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;

const time24h = paragraphRule(
  {
    id: 'official.time.24h',
    message: t(
      '시각은 24시각제로 "15:20"처럼 시·분 글자 없이 쌍점으로 적습니다.',
      'Write times on the 24-hour clock as "15:20", without 시/분.',
    ),
    norm: '행정업무의 운영 및 혁신에 관한 규정 제7조 제5항',
    confidence: 0.85,
    examples: {
      wrong: [
        { text: '오후 3시 20분에 시작한다.', fixed: '15:20에 시작한다.' },
        { text: '오전 9시까지 도착', fixed: '09:00까지 도착' },
        { text: '14시 30분부터', fixed: '14:30부터' },
        { text: '17시까지 제출', fixed: '17:00까지 제출' },
        { text: '3시 20분에 시작한다.', fixed: null },
      ],
      correct: ['15:20에 시작한다.', '3시간 동안 진행한다.', '회의는 09:00∼12:00'],
    },
  },
  (text) => {
    const out: Array<Omit<RuleMatch, 'paragraphIndex'>> = [];
    const taken: Array<[number, number]> = [];
    const ampm = /(오전|오후)\s*(\d{1,2})\s*시(?!간)(?:\s*(\d{1,2})\s*분|\s*(반))?/g;
    for (let m = ampm.exec(text); m; m = ampm.exec(text)) {
      let h = Number(m[2]);
      const min = m[4] ? 30 : m[3] ? Number(m[3]) : 0;
      if (h < 1 || h > 12 || min > 59) continue;
      if (m[1] === '오후' && h < 12) h += 12;
      if (m[1] === '오전' && h === 12) h = 0;
      taken.push([m.index, m.index + m[0].length]);
      out.push({ start: m.index, end: m.index + m[0].length, replacement: hhmm(h, min) });
    }
    const hm = /(?<![\d:])(\d{1,2})\s*시(?!간)\s*(\d{1,2})\s*분/g;
    for (let m = hm.exec(text); m; m = hm.exec(text)) {
      const s = m.index;
      const e = s + m[0].length;
      if (overlaps(taken, s, e)) continue;
      const h = Number(m[1]);
      const min = Number(m[2]);
      if (h > 24 || min > 59) continue;
      taken.push([s, e]);
      if (h >= 13 || h === 0) out.push({ start: s, end: e, replacement: hhmm(h, min) });
      else
        out.push({
          start: s,
          end: e,
          replacement: null,
          message: t(
            `"${m[0]}": 오전인지 오후인지 확인하여 24시각제("${hhmm(h, min)}" 또는 "${hhmm(h + 12, min)}")로 적으십시오.`,
            `"${m[0]}": write it on the 24-hour clock ("${hhmm(h, min)}" or "${hhmm(h + 12, min)}").`,
          ),
        });
    }
    const h = /(?<![\d:])(\d{1,2})\s*시(?=\s*(?:까지|부터|에|∼|~|,|\)|$))/g;
    for (let m = h.exec(text); m; m = h.exec(text)) {
      const s = m.index;
      const e = s + m[0].length;
      if (overlaps(taken, s, e)) continue;
      const hr = Number(m[1]);
      if (hr < 13 || hr > 24) continue;
      out.push({ start: s, end: e, replacement: hhmm(hr, 0) });
    }
    return out;
  },
);

/* ------------------------------------------------------------------ amounts */

const AMOUNT_RE = /금\s?(\d{1,3}(?:,\d{3})+|\d+)\s?원(\s?\(([^)]*)\))?/g;

const amountReading = paragraphRule(
  {
    id: 'official.amount.reading',
    message: t('금액의 한글 읽기가 숫자와 다릅니다.', 'The amount written in Hangul does not match the figure.'),
    norm: '행정업무의 운영 및 혁신에 관한 규정 시행규칙 제2조 제2항',
    confidence: 0.9,
    examples: {
      wrong: [
        { text: '금113,560원(금일십일만삼천오백오십원)을 지급한다.', fixed: null },
        { text: '금5,000,000원(금오십만원)', fixed: null },
      ],
      correct: ['금113,560원(금일십일만삼천오백육십원)을 지급한다.', '금5,000,000원(금오백만원)', '금113,560원(금십일만삼천오백육십원)'],
    },
  },
  (text) => {
    const out: Array<Omit<RuleMatch, 'paragraphIndex'>> = [];
    AMOUNT_RE.lastIndex = 0;
    for (let m = AMOUNT_RE.exec(text); m; m = AMOUNT_RE.exec(text)) {
      if (!m[2]) continue;
      const value = Number(m[1]!.replace(/,/g, ''));
      const read = koreanReadingToNumber(m[3]!);
      if (read === null || read === value || !Number.isSafeInteger(value)) continue;
      const open = m.index + m[0].indexOf('(', m[0].length - m[2].length);
      const expected = `금${numberToKoreanReading(value)}원`;
      out.push({
        start: open + 1,
        end: open + 1 + m[3]!.length,
        replacement: null,
        message: t(
          `금액 ${m[1]}원의 한글 읽기 "${m[3]}"이(가) 숫자와 다릅니다(숫자가 맞다면 "${expected}").`,
          `The Hangul reading "${m[3]}" does not match ${m[1]} won (if the figure is right: "${expected}").`,
        ),
      });
    }
    return out;
  },
);

const amountMissingReading = paragraphRule(
  {
    id: 'official.amount.missing-reading',
    message: t('금액은 숫자 다음 괄호 안에 한글로도 적습니다.', 'After an amount in figures, write it in Hangul in parentheses.'),
    norm: '행정업무의 운영 및 혁신에 관한 규정 시행규칙 제2조 제2항',
    confidence: 0.8,
    examples: {
      wrong: [{ text: '금113,560원을 지급한다.', fixed: '금113,560원(금일십일만삼천오백육십원)을 지급한다.' }],
      correct: ['금113,560원(금일십일만삼천오백육십원)을 지급한다.', '113,560원을 지급한다.', '지원금 500만원'],
    },
  },
  (text) => {
    const out: Array<Omit<RuleMatch, 'paragraphIndex'>> = [];
    AMOUNT_RE.lastIndex = 0;
    for (let m = AMOUNT_RE.exec(text); m; m = AMOUNT_RE.exec(text)) {
      if (m[2]) continue;
      if (m.index > 0 && /[가-힣]/.test(text[m.index - 1]!)) continue; // 지원금, 보조금…
      const value = Number(m[1]!.replace(/,/g, ''));
      if (!Number.isSafeInteger(value)) continue;
      const end = m.index + m[0].length;
      out.push({ start: m.index, end, replacement: `${m[0]}(금${numberToKoreanReading(value)}원)` });
    }
    return out;
  },
);

/* ----------------------------------------------------------------- end mark */

const endMarkSpacing = paragraphRule(
  {
    id: 'official.end-mark.spacing',
    message: t('본문이 끝나면 두 글자(두 칸)를 띄우고 "끝."을 적습니다.', 'End the text with two spaces and "끝.".'),
    norm: '행정업무의 운영 및 혁신에 관한 규정 시행규칙 제4조; 행정업무운영 편람',
    confidence: 0.9,
    examples: {
      wrong: [
        { text: '협조하여 주시기 바랍니다. 끝.', fixed: '협조하여 주시기 바랍니다.  끝.' },
        { text: '협조하여 주시기 바랍니다.끝', fixed: '협조하여 주시기 바랍니다.  끝.' },
        { text: '붙임  계획서 1부.    끝.', fixed: '붙임  계획서 1부.  끝.' },
      ],
      correct: ['협조하여 주시기 바랍니다.  끝.', '끝.', '행사가 끝나면 정리한다.'],
    },
  },
  (text) => {
    const m = /(\s*)끝(\.?)(\s*)$/.exec(text);
    if (!m || m.index === 0) return [];
    const prev = text[m.index - 1]!;
    if (!/[.)」』”"'’\]]/.test(prev)) return [];
    if (m[0] === '  끝.') return [];
    return [{ start: m.index, end: m.index + m[0].length, replacement: '  끝.' }];
  },
);

const FOOTER_RE =
  /^\s*(발신명의|기안자|검토자|결재권자|협조자|시행\s|시행\s*[가-힣A-Za-z]+\s*-|접수\s|우\s*\d{5}|전화|전송|공개구분|수신자\s*[:：]?)|^[\s○◯가-힣]*(장관|청장|시장|군수|구청장|도지사|교육감|총장|위원장|원장|처장|본부장)\s*$/;
const HEAD_RE = /^\s*(수신|제목|\(경유\)|경유)/;
const ENDS_WITH_END = /(^|\s)끝\.?\s*$/;

/** Body paragraphs of a 공문: after 제목 up to the first footer line. Null if not a 공문. */
function officialBody(paragraphs: readonly string[]): { from: number; to: number } | null {
  const titleIdx = paragraphs.findIndex((p) => /^\s*제목/.test(p));
  const hasRecipient = paragraphs.some((p) => /^\s*수신/.test(p));
  if (titleIdx < 0 && !hasRecipient) return null;
  let from = titleIdx >= 0 ? titleIdx + 1 : 0;
  while (from < paragraphs.length && HEAD_RE.test(paragraphs[from]!)) from++;
  let to = paragraphs.length;
  for (let i = from; i < paragraphs.length; i++)
    if (FOOTER_RE.test(paragraphs[i]!)) {
      to = i;
      break;
    }
  return { from, to };
}

const endMarkPosition: Rule = {
  id: 'official.end-mark.position',
  pack: 'official',
  category: 'official',
  message: t(
    '본문(붙임이 있으면 붙임 표시)의 마지막에 "  끝."을 적어야 합니다.',
    'The text (or the 붙임 list, if any) must end with "  끝.".',
  ),
  norm: '행정업무의 운영 및 혁신에 관한 규정 시행규칙 제4조; 행정업무운영 편람',
  confidence: 0.85,
  scope: 'document',
  examples: {
    wrong: [
      {
        text: '수신  내부결재\n제목  회의 개최\n회의를 개최하고자 합니다.\n행정안전부장관',
        fixed: '수신  내부결재\n제목  회의 개최\n회의를 개최하고자 합니다.  끝.\n행정안전부장관',
      },
      {
        text: '수신  내부결재\n제목  회의 개최\n회의를 개최하고자 합니다.  끝.\n붙임  회의 자료 1부.\n행정안전부장관',
        fixed: null,
      },
    ],
    correct: [
      '수신  내부결재\n제목  회의 개최\n회의를 개최하고자 합니다.\n붙임  회의 자료 1부.  끝.\n행정안전부장관',
      '회의를 개최하고자 합니다.',
    ],
  },
  check(ctx: RuleContext): RuleMatch[] {
    const body = officialBody(ctx.paragraphs);
    if (!body) return [];
    let last = -1;
    for (let i = body.to - 1; i >= body.from; i--)
      if (ctx.paragraphs[i]!.trim()) {
        last = i;
        break;
      }
    if (last < 0) return [];
    const lastText = ctx.paragraphs[last]!;
    if (ENDS_WITH_END.test(lastText)) return [];
    const early: RuleMatch[] = [];
    for (let i = body.from; i < last; i++) {
      const p = ctx.paragraphs[i]!;
      const m = /\s*끝\.?\s*$/.exec(p);
      if (m && ENDS_WITH_END.test(p))
        early.push({
          paragraphIndex: i,
          start: m.index,
          end: p.length,
          replacement: null,
          message: t(
            '"끝." 표시가 본문 중간에 있습니다. 붙임이 있으면 붙임 표시 다음에 "  끝."을 적으십시오.',
            '"끝." is placed before the end; with attachments (붙임), put "  끝." after the 붙임 list.',
          ),
        });
    }
    if (early.length) return early;
    return [{ paragraphIndex: last, start: lastText.length, end: lastText.length, replacement: '  끝.' }];
  },
};

/* --------------------------------------------------------------- attachment */

const attachmentFormat = paragraphRule(
  {
    id: 'official.attachment.format',
    message: t('첨부물은 "붙임" 다음에 두 칸을 띄우고 적습니다.', 'Attachments are listed as "붙임" followed by two spaces.'),
    norm: '행정업무운영 편람 (붙임 표시)',
    confidence: 0.85,
    examples: {
      wrong: [
        { text: '첨부: 회의 자료 1부.  끝.', fixed: '붙임  회의 자료 1부.  끝.' },
        { text: '붙임 : 1. 계획서 1부.', fixed: '붙임  1. 계획서 1부.' },
        { text: '붙임 회의 자료 1부.  끝.', fixed: '붙임  회의 자료 1부.  끝.' },
      ],
      correct: ['붙임  회의 자료 1부.  끝.', '붙임  1. 계획서 1부.', '첨부된 자료를 검토한다.'],
    },
  },
  (text) => {
    const m = /^(\s*)(첨\s?부|붙\s?임)(\s*[:：]\s*|\s+)(?=\S)/.exec(text);
    if (!m) return [];
    const start = m[1]!.length;
    const end = m[0].length;
    if (text.slice(start, end) === '붙임  ') return [];
    return [{ start, end, replacement: '붙임  ' }];
  },
);

/* -------------------------------------------------------------------- ranges */

const rangeKkaji = paragraphRule(
  {
    id: 'official.range.redundant-kkaji',
    message: t(
      '물결표(∼)가 이미 "부터 ~까지"를 뜻하므로 "까지"를 겹쳐 쓰지 않습니다.',
      'The tilde (∼) already means "from … to"; drop the redundant "까지".',
    ),
    norm: '행정업무운영 편람 (기간 표시); 한글 맞춤법 부록 문장 부호 물결표',
    confidence: 0.85,
    examples: {
      wrong: [
        { text: '접수 기간: 2025. 3. 1.∼3. 31.까지', fixed: '접수 기간: 2025. 3. 1.∼3. 31.' },
        { text: '09:00∼18:00까지 운영', fixed: '09:00∼18:00 운영' },
      ],
      correct: ['접수 기간: 2025. 3. 1.∼3. 31.', '3. 31.까지 제출', '09:00∼18:00'],
    },
  },
  (text) => {
    const out: Array<Omit<RuleMatch, 'paragraphIndex'>> = [];
    const re = /[~∼～]\s*\d[\d.,: ]*(?:년|월|일|시|분|명|개|원|부|회|층|차|호|번|건|주|개월|시간)?(\s*까지)/g;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const end = m.index + m[0].length;
      const g = m[1]!;
      const kk = end - 2;
      // drop "까지" and the space before it only when the range end itself ends with a space
      out.push({ start: kk - (g.length - 2), end, replacement: '' });
    }
    return out;
  },
);

/* ------------------------------------------------------------ foreign terms */

const foreignTermOrder = paragraphRule(
  {
    id: 'official.foreign-term.order',
    message: t(
      '한글을 먼저 쓰고 외국어나 한자는 괄호 안에 적습니다.',
      'Write the Korean term first, with the foreign word or Hanja in parentheses.',
    ),
    norm: '행정업무의 운영 및 혁신에 관한 규정 제7조 제1항; 국어기본법 제14조',
    confidence: 0.8,
    examples: {
      wrong: [
        { text: 'MOU(업무협약)를 체결한다.', fixed: '업무협약(MOU)을 체결한다.' },
        { text: '決裁(결재) 후 시행', fixed: '결재(決裁) 후 시행' },
      ],
      correct: ['업무협약(MOU)을 체결한다.', '결재(決裁) 후 시행', '부호(A)를 쓴다.'],
    },
  },
  (text) => {
    const out: Array<Omit<RuleMatch, 'paragraphIndex'>> = [];
    const re =
      /(?<![A-Za-z0-9가-힣\u4E00-\u9FFF])([A-Za-z][A-Za-z0-9&-]+(?: [A-Za-z][A-Za-z0-9&-]*){0,3}|[\u4E00-\u9FFF]+)\(([가-힣](?:[가-힣 ]{0,20}[가-힣])?)\)/g;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      // the particle after ")" follows the word now in front of the parentheses
      const rest = text.slice(m.index + m[0].length);
      const p = VARIABLE_PARTICLES.find((x) => rest.startsWith(x) && !/[가-힣]/.test(rest[x.length] ?? ''));
      const fitted = p ? fitParticle(m[2]!, p) : '';
      out.push({
        start: m.index,
        end: m.index + m[0].length + (p ? p.length : 0),
        replacement: `${m[2]}(${m[1]})${fitted}`,
      });
    }
    return out;
  },
);

/* -------------------------------------------------------------------- 연도 */

export const yeondo = paragraphRule(
  {
    id: 'official.yeondo',
    message: t(
      '합성어 안의 "년도"는 "연도"로 적습니다(회계연도, 평가연도; "2025년도", "전년도"는 그대로).',
      'Inside compounds write 연도, not 년도 (회계연도); 2025년도 and 전년도 are fine.',
    ),
    norm: '한글 맞춤법 제10항·제11항 (두음 법칙); 행정업무운영 편람',
    confidence: 0.85,
    examples: {
      wrong: [
        { text: '회계년도 결산', fixed: '회계연도 결산' },
        { text: '평가년도별 실적을 제출한다.', fixed: '평가연도별 실적을 제출한다.' },
      ],
      // word-initial "년도" (년도별) is the general pack's spelling.dueum.yeondo
      correct: ['2025년도 예산', '2025 년도 예산', '신년도 계획', '전년도 대비', '2025학년도', '년도별 실적'],
    },
  },
  (text) => {
    const out: Array<Omit<RuleMatch, 'paragraphIndex'>> = [];
    const re = /(?<=[가-힣])(?<![신구내금작전익후매학명래])년도/g;
    for (let m = re.exec(text); m; m = re.exec(text)) out.push({ start: m.index, end: m.index + 1, replacement: '연' });
    return out;
  },
);

/* --------------------------------------------------------------- item order */

const HANGUL_ORDER = '가나다라마바사아자차카타파하';
const CIRCLED = '①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳';
const CIRCLED_HANGUL = '㉮㉯㉰㉱㉲㉳㉴㉵㉶㉷㉸㉹㉺㉻';
const LEVELS: Array<{ re: RegExp; ord: (s: string) => number; show: (k: number) => string }> = [
  { re: /^\s*(\d{1,2})\.\s/, ord: Number, show: (k) => `${k}.` },
  { re: /^\s*([가-하])\.\s/, ord: (s) => HANGUL_ORDER.indexOf(s) + 1, show: (k) => `${HANGUL_ORDER[k - 1] ?? '?'}.` },
  { re: /^\s*(\d{1,2})\)\s/, ord: Number, show: (k) => `${k})` },
  { re: /^\s*([가-하])\)\s/, ord: (s) => HANGUL_ORDER.indexOf(s) + 1, show: (k) => `${HANGUL_ORDER[k - 1] ?? '?'})` },
  { re: /^\s*\((\d{1,2})\)\s/, ord: Number, show: (k) => `(${k})` },
  { re: /^\s*\(([가-하])\)\s/, ord: (s) => HANGUL_ORDER.indexOf(s) + 1, show: (k) => `(${HANGUL_ORDER[k - 1] ?? '?'})` },
  { re: /^\s*([①-⑳])/, ord: (s) => CIRCLED.indexOf(s) + 1, show: (k) => CIRCLED[k - 1] ?? '?' },
  { re: /^\s*([㉮-㉻])/, ord: (s) => CIRCLED_HANGUL.indexOf(s) + 1, show: (k) => CIRCLED_HANGUL[k - 1] ?? '?' },
];

export function itemMarker(text: string): { level: number; ordinal: number; start: number; end: number } | null {
  for (let level = 0; level < LEVELS.length; level++) {
    const L = LEVELS[level]!;
    const m = L.re.exec(text);
    if (!m) continue;
    const ordinal = L.ord(m[1]!);
    if (ordinal < 1) continue;
    const start = m[0].length - m[0].trimStart().length;
    return { level, ordinal, start, end: m[0].trimEnd().length };
  }
  return null;
}

const itemOrder: Rule = {
  id: 'official.items.order',
  pack: 'official',
  category: 'official',
  message: t(
    '항목 기호는 1. → 가. → 1) → 가) → (1) → (가) → ① → ㉮ 순서로, 차례대로 씁니다.',
    'Item markers go 1. → 가. → 1) → 가) → (1) → (가) → ① → ㉮, each in sequence.',
  ),
  norm: '행정업무의 운영 및 혁신에 관한 규정 시행규칙 제2조 제1항',
  confidence: 0.85,
  scope: 'document',
  examples: {
    wrong: [
      { text: '1. 개요\n1) 목적\n2. 내용', fixed: null },
      { text: '1. 개요\n가. 목적\n다. 방법', fixed: null },
      { text: '가. 개요\n나. 목적', fixed: null },
    ],
    correct: [
      '1. 개요\n가. 목적\n1) 세부 목적\n가) 내용\n(1) 세부\n(가) 세목\n① 항목\n㉮ 세항\n나. 방법\n2. 일정',
      '붙임  1. 계획서 1부.\n      2. 명단 1부.  끝.',
    ],
  },
  check(ctx: RuleContext): RuleMatch[] {
    const out: RuleMatch[] = [];
    const stack: Array<{ level: number; ordinal: number }> = [];
    const body = officialBody(ctx.paragraphs);
    const from = body?.from ?? 0;
    const to = body?.to ?? ctx.paragraphs.length;
    for (let i = from; i < to; i++) {
      const p = ctx.paragraphs[i]!;
      if (/^\s*(붙\s?임|첨\s?부)/.test(p)) break; // the attachment list numbers itself
      const mk = itemMarker(p);
      if (!mk) continue;
      while (stack.length && stack[stack.length - 1]!.level > mk.level) stack.pop();
      const top = stack[stack.length - 1];
      const shown = p.slice(mk.start, mk.end);
      const flag = (ko: string, en: string) =>
        out.push({ paragraphIndex: i, start: mk.start, end: mk.end, replacement: null, message: t(ko, en) });
      if (top && top.level === mk.level) {
        const want = LEVELS[mk.level]!.show(top.ordinal + 1);
        if (mk.ordinal !== top.ordinal + 1)
          flag(
            `항목 기호 "${shown}"의 차례가 맞지 않습니다("${want}"이어야 함).`,
            `Item "${shown}" is out of sequence (expected "${want}").`,
          );
        top.ordinal = mk.ordinal;
        continue;
      }
      const expectedLevel = top ? top.level + 1 : 0;
      if (mk.level !== expectedLevel) {
        const want = LEVELS[expectedLevel]!.show(1);
        flag(
          `항목 기호 "${shown}"의 단계가 맞지 않습니다. 이 자리에는 "${want}" 단계가 와야 합니다.`,
          `Item "${shown}" skips or misplaces a level; "${want}" is expected here.`,
        );
      } else if (mk.ordinal !== 1) {
        const want = LEVELS[mk.level]!.show(1);
        flag(`항목 기호가 "${want}"이 아닌 "${shown}"으로 시작합니다.`, `Items start with "${shown}" instead of "${want}".`);
      }
      stack.push({ level: mk.level, ordinal: mk.ordinal });
    }
    return out;
  },
};

export const officialPackRules: Rule[] = [
  dateFormat,
  time24h,
  amountReading,
  amountMissingReading,
  itemOrder,
  endMarkSpacing,
  endMarkPosition,
  attachmentFormat,
  rangeKkaji,
  foreignTermOrder,
  yeondo,
];
