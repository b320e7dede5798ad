/**
 * Deterministic review rules for Korean contracts (pack "contract"):
 * defined terms and cross-references between articles.
 * Norms: 법제처 「법령 입안·심사 기준」(정의 규정, 인용 조문), 계약서 작성 실무.
 */
import type { LocalizedText, Rule, RuleContext, RuleMatch } from '../../types';
import { fitParticle, VARIABLE_PARTICLES } from './particles';
import { ARTICLE_HEADING_RE, SIGNATURE_RE, articleAt, findDefinitions, looksLikePersonName, parseArticles, termRegex } from './structure';
import type { Definition } from './structure';

const t = (ko: string, en: string): LocalizedText => ({ ko, en });

function firstDefinitions(defs: readonly Definition[]): Map<string, Definition> {
  const m = new Map<string, Definition>();
  for (const d of defs) if (!m.has(d.term)) m.set(d.term, d);
  return m;
}

function insideDefinition(defs: readonly Definition[], i: number, s: number, e: number): boolean {
  return defs.some((d) => d.paragraphIndex === i && s < d.end && d.start < e);
}

/* ------------------------------------------------------- used before definition */

const usedBeforeDefinition: Rule = {
  id: 'contract.defined-term.before-definition',
  pack: 'contract',
  category: 'contract',
  message: t('정의하기 전에 정의된 용어를 쓰고 있습니다.', 'A defined term is used before its definition.'),
  norm: '법령 입안·심사 기준 (정의 규정); 계약서 작성 실무',
  confidence: 0.8,
  scope: 'document',
  examples: {
    wrong: [
      {
        text: '갑은 을에게 대금을 지급한다.\n주식회사 가나(이하 "갑"이라 한다)와 주식회사 다라(이하 "을"이라 한다)는 다음과 같이 계약한다.',
        fixed: null,
        count: 2,
      },
    ],
    correct: [
      '주식회사 가나(이하 "갑"이라 한다)와 주식회사 다라(이하 "을"이라 한다)는 다음과 같이 계약한다.\n갑은 을에게 대금을 지급한다.',
    ],
  },
  check(ctx: RuleContext): RuleMatch[] {
    const defs = findDefinitions(ctx.paragraphs);
    const out: RuleMatch[] = [];
    for (const [term, d] of firstDefinitions(defs)) {
      const re = termRegex(term);
      let reported = false;
      for (let i = 0; i <= d.paragraphIndex && !reported; i++) {
        const p = ctx.paragraphs[i]!;
        re.lastIndex = 0;
        for (let m = re.exec(p); m; m = re.exec(p)) {
          const s = m.index;
          const e = s + m[0].length;
          if (i === d.paragraphIndex && s >= d.start) break;
          if (insideDefinition(defs, i, s, e)) continue;
          // '임차인 김철수(이하 "임차인"이라 한다)': the role word right before the named party is part of the definition
          if (i === d.paragraphIndex && d.antecedent && /^\s+$/.test(p.slice(e, d.antecedent.start))) continue;
          out.push({
            paragraphIndex: i,
            start: s,
            end: e,
            replacement: null,
            message: t(
              `"${term}"은(는) 뒤(${d.paragraphIndex + 1}번째 문단)에서 정의되는데 그보다 앞에서 쓰였습니다.`,
              `"${term}" is used before it is defined (paragraph ${d.paragraphIndex + 1}).`,
            ),
          });
          reported = true;
          break;
        }
      }
    }
    return out;
  },
};

/* ------------------------------------------------------- inconsistent use */

const squash = (s: string) => s.replace(/\s+/g, '');

const inconsistentTerm: Rule = {
  id: 'contract.defined-term.inconsistent',
  pack: 'contract',
  category: 'contract',
  message: t(
    '정의한 용어 대신 다른 표현을 쓰고 있습니다. 정의한 용어로 통일하십시오.',
    'A different expression is used instead of the defined term; use the defined term consistently.',
  ),
  norm: '법령 입안·심사 기준 (용어의 통일); 계약서 작성 실무',
  confidence: 0.8,
  scope: 'document',
  examples: {
    wrong: [
      {
        text: '이 계약(이하 "본 계약"이라 한다)은 용역에 관한 것이다.\n본계약의 기간은 1년으로 한다.',
        fixed: '이 계약(이하 "본 계약"이라 한다)은 용역에 관한 것이다.\n본 계약의 기간은 1년으로 한다.',
      },
      {
        text: '주식회사 한빛소프트(이하 "갑"이라 한다)는 발주자이다.\n주식회사 한빛소프트는 대금을 지급한다.',
        fixed: '주식회사 한빛소프트(이하 "갑"이라 한다)는 발주자이다.\n갑은 대금을 지급한다.',
      },
    ],
    correct: [
      '주식회사 한빛소프트(이하 "갑"이라 한다)는 발주자이다.\n갑은 대금을 지급한다.\n갑: 주식회사 한빛소프트 대표이사 김갑동 (인)',
      '당사자 간의 계약(이하 "본 계약"이라 한다)을 체결한다.\n계약 기간은 1년이다.',
    ],
  },
  check(ctx: RuleContext): RuleMatch[] {
    const defs = findDefinitions(ctx.paragraphs);
    const out: RuleMatch[] = [];
    const taken = new Set<string>();
    const push = (i: number, s: number, e: number, repl: string, ko: string, en: string) => {
      const k = `${i}:${s}`;
      if (taken.has(k)) return;
      taken.add(k);
      out.push({ paragraphIndex: i, start: s, end: e, replacement: repl, message: t(ko, en) });
    };
    for (const [term, d] of firstDefinitions(defs)) {
      const variants: string[] = [];
      const a = d.antecedent;
      if (a && squash(a.text) !== squash(term) && (squash(a.text).length >= 4 || /\s/.test(a.text) || looksLikePersonName(a.text)))
        variants.push(a.text);
      if (/\s/.test(term)) variants.push(squash(term));
      for (const v of variants) {
        const re = termRegex(v);
        for (let i = d.paragraphIndex; i < ctx.paragraphs.length; i++) {
          const p = ctx.paragraphs[i]!;
          if (SIGNATURE_RE.test(p)) continue;
          re.lastIndex = 0;
          for (let m = re.exec(p); m; m = re.exec(p)) {
            let s = m.index;
            let e = s + m[0].length;
            if (i === d.paragraphIndex && s < d.end) continue;
            if (insideDefinition(defs, i, s, e)) continue;
            // also the term's own quotes and the particle, so the particle can be fitted to the term
            const rest = p.slice(e);
            const part = VARIABLE_PARTICLES.find((x) => rest.startsWith(x) && !/[가-힣]/.test(rest[x.length] ?? ''));
            let repl = term;
            if (part) {
              e += part.length;
              repl += fitParticle(term, part);
            }
            if (p.slice(s, e) === repl) continue;
            if (s > 0 && /[가-힣]/.test(p[s - 1]!)) continue;
            push(i, s, e, repl, `"${v}" 대신 정의한 용어 "${term}"을(를) 쓰십시오.`, `Use the defined term "${term}" instead of "${v}".`);
            s = e;
          }
        }
      }
    }
    return out;
  },
};

/* ------------------------------------------------------- quoted but undefined */

const QUOTED_RE = /["“'‘]([^"“”'‘’\n]{1,15})["”'’]/g;

/** A quoted term that no definition covers, at its first quotation in the contract. */
interface UndefinedQuote {
  term: string;
  /** The text between the quotes, untrimmed. */
  quoted: string;
  i: number;
  s: number;
  e: number;
  /** The term appears elsewhere too (see mentionedElsewhere). */
  elsewhere: boolean;
}

/** The scan both undefined-term rules share: each undefined quoted term once, where it is first quoted. */
function* undefinedQuotedTerms(paragraphs: readonly string[]): Generator<UndefinedQuote> {
  const defs = findDefinitions(paragraphs);
  const defined = new Set(defs.map((d) => squash(d.term)));
  const seen = new Set<string>();
  for (const [i, p] of paragraphs.entries()) {
    // Its own regex: the generator pauses between matches, so a shared lastIndex could be moved meanwhile.
    const re = new RegExp(QUOTED_RE.source, QUOTED_RE.flags);
    for (let m = re.exec(p); m; m = re.exec(p)) {
      const term = m[1]!.trim();
      const s = m.index;
      const e = s + m[0].length;
      if (!term || /[.,;:!?]/.test(term) || term.split(/\s+/).length > 3) continue;
      if (insideDefinition(defs, i, s, e)) continue;
      if (defined.has(squash(term)) || seen.has(term)) continue;
      seen.add(term);
      yield { term, quoted: m[1]!, i, s, e, elsewhere: mentionedElsewhere(paragraphs, term, i, s, e) };
    }
  }
}

const undefinedTerm: Rule = {
  id: 'contract.defined-term.undefined',
  pack: 'contract',
  category: 'contract',
  message: t('따옴표로 묶은 용어가 계약서 어디에서도 정의되지 않았습니다.', 'A quoted term is never defined in the contract.'),
  norm: '법령 입안·심사 기준 (정의 규정); 계약서 작성 실무',
  confidence: 0.75,
  scope: 'document',
  examples: {
    wrong: [
      {
        text: '주식회사 가나(이하 "갑"이라 한다)는 "산출물"을 검수한다.',
        fixed: null,
      },
    ],
    correct: [
      '주식회사 가나(이하 "갑"이라 한다)는 "산출물"을 검수한다.\n갑은 "산출물"의 하자를 통지한다.',
      '제1조(정의) "산출물"이란 을이 납품하는 결과물을 말한다.\n주식회사 가나(이하 "갑"이라 한다)는 "산출물"을 검수한다.',
    ],
  },
  check(ctx: RuleContext): RuleMatch[] {
    const out: RuleMatch[] = [];
    for (const { term, i, s, e, elsewhere } of undefinedQuotedTerms(ctx.paragraphs)) {
      if (elsewhere) continue; // contract.defined-term.undefined-used
      out.push({
        paragraphIndex: i,
        start: s,
        end: e,
        replacement: null,
        message: t(
          `"${term}"을(를) 따옴표로 묶었지만 정의하지 않았습니다. 정의 조항이나 "(이하 "${term}"${fitParticle(term, '이라')} 한다)"를 두십시오.`,
          `"${term}" is quoted as a defined term but never defined.`,
        ),
      });
    }
    return out;
  },
};

/**
 * True when the quoted term also appears somewhere else in the contract, quoted or not, in a body
 * or in an article title (제8조(원상회복)): then it is used as a term of the contract, and its
 * missing definition is a finding worth showing (contract.defined-term.undefined-used); a term
 * quoted once and never again may be a plain quotation (0.75, below the display threshold).
 */
function mentionedElsewhere(paragraphs: readonly string[], term: string, pi: number, s: number, e: number): boolean {
  const re = new RegExp(term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s*'), 'g');
  for (let i = 0; i < paragraphs.length; i++) {
    const p = paragraphs[i]!;
    re.lastIndex = 0;
    for (let m = re.exec(p); m; m = re.exec(p)) {
      if (i === pi && m.index < e && s < m.index + m[0].length) continue;
      return true;
    }
  }
  return false;
}

/** An amending or reading-as sentence ('"A"을 "B"로 한다', '"분할"은 "분리"로'): its quoted strings are text being replaced, not terms. */
const AMENDMENT_RE = /["”'’]\s*(?:[을를은는]|이|가)\s*(?:각각\s*)?["“'‘][^"”'’]*["”'’]\s*(?:으로|로)[\s,]/;

/** Where a term stands in an article title ('제8조(원상회복)'), for the message. */
function inArticleTitle(paragraphs: readonly string[], term: string): number {
  return paragraphs.findIndex((p) => {
    const h = ARTICLE_HEADING_RE.exec(p);
    return !!h && /\(/.test(h[0]) && h[0].includes(term);
  });
}

const undefinedUsedTerm: Rule = {
  id: 'contract.defined-term.undefined-used',
  pack: 'contract',
  category: 'contract',
  message: t(
    '따옴표로 묶어 용어로 쓰고 있지만 계약서 어디에서도 정의하지 않았습니다.',
    'A quoted term is used as a term of the contract but never defined.',
  ),
  norm: '법령 입안·심사 기준 (정의 규정); 계약서 작성 실무',
  confidence: 0.85,
  scope: 'document',
  examples: {
    wrong: [
      {
        text: '제8조(원상회복) 임대차가 끝나면 임차인은 임대주택을 "원상회복"하여 반환한다.',
        fixed: null,
      },
      {
        text: '주식회사 가나(이하 "갑"이라 한다)는 "산출물"을 검수한다.\n갑은 "산출물"의 하자를 통지한다.',
        fixed: null,
      },
    ],
    correct: [
      '제1조(정의) "원상회복"이란 임대주택을 인도받은 때의 상태로 되돌리는 것을 말한다.\n제8조(원상회복) 임차인은 임대주택을 "원상회복"하여 반환한다.',
      '그는 "좋다"고 말했다.',
    ],
  },
  check(ctx: RuleContext): RuleMatch[] {
    const out: RuleMatch[] = [];
    for (const { term, quoted, i, s, e, elsewhere } of undefinedQuotedTerms(ctx.paragraphs)) {
      if (!elsewhere) continue;
      const p = ctx.paragraphs[i]!;
      // amendments ('"갑"을 "병"으로 한다'), article numbers and bare numbers are not terms
      if (AMENDMENT_RE.test(p) || /^제\s*\d/.test(term) || !/[가-힣]{2}/.test(term) || /\s[가-힣]?$/.test(quoted)) continue;
      const title = inArticleTitle(ctx.paragraphs, term);
      out.push({
        paragraphIndex: i,
        start: s,
        end: e,
        replacement: null,
        message: t(
          `"${term}"을(를) 따옴표로 묶어 용어로 쓰고 있지만${title >= 0 ? ' (조 제목에도 쓰임)' : ''} 정의하지 않았습니다. 정의 조항이나 "(이하 "${term}"${fitParticle(term, '이라')} 한다)"를 두십시오.`,
          `"${term}" is used as a term${title >= 0 ? ' (also in an article title)' : ''} but never defined.`,
        ),
      });
    }
    return out;
  },
};

/* ------------------------------------------------------- cross references */

const REF_RE = /제\s*(\d+)\s*조(?:의\s*(\d+))?(?:\s*제\s*(\d+)\s*항)?/g;
const BARE_PARA_RE = /(?:(?:본|이|같은)\s*조\s*)?제\s*(\d+)\s*항/g;
const EXTERNAL_BEFORE = /(」|법|법률|령|시행령|시행규칙|규칙|규정|조례|약관|협약|동법|같은 법|같은 영)\s*$/;

const crossReference: Rule = {
  id: 'contract.cross-reference',
  pack: 'contract',
  category: 'contract',
  message: t('인용한 조·항이 이 계약서에 없습니다.', 'The cited article or paragraph does not exist in this contract.'),
  norm: '법령 입안·심사 기준 (조문의 인용); 계약서 작성 실무',
  confidence: 0.85,
  scope: 'document',
  examples: {
    wrong: [
      { text: '제1조(목적) 이 계약은 용역에 관한 것이다.\n제2조(해지) 제5조를 위반하면 해지할 수 있다.', fixed: null },
      {
        text: '제1조(대금) ① 갑은 대금을 지급한다.\n② 대금은 현금으로 지급한다.\n제2조(지체) 제1조 제3항의 기한을 넘기면 지연이자를 낸다.',
        fixed: null,
      },
    ],
    correct: [
      '제1조(대금) ① 갑은 대금을 지급한다.\n② 대금은 현금으로 지급한다.\n제2조(지체) 제1조 제2항의 기한을 넘기면 「민법」 제397조에 따른 지연이자를 낸다.',
    ],
  },
  check(ctx: RuleContext): RuleMatch[] {
    const articles = parseArticles(ctx.paragraphs);
    if (!articles.length) return [];
    const byKey = new Map(articles.map((a) => [a.key, a]));
    const headingAt = new Set(articles.map((a) => a.paragraphIndex));
    const out: RuleMatch[] = [];
    ctx.paragraphs.forEach((p, i) => {
      const covered: Array<[number, number]> = [];
      REF_RE.lastIndex = 0;
      for (let m = REF_RE.exec(p); m; m = REF_RE.exec(p)) {
        const s = m.index;
        const e = s + m[0].length;
        covered.push([s, e]);
        if (headingAt.has(i) && p.slice(0, s).trim() === '') continue; // the heading itself
        if (EXTERNAL_BEFORE.test(p.slice(Math.max(0, s - 12), s))) continue;
        const key = m[2] ? `${m[1]}-${m[2]}` : m[1]!;
        const art = byKey.get(key);
        const label = m[2] ? `제${m[1]}조의${m[2]}` : `제${m[1]}조`;
        if (!art) {
          out.push({
            paragraphIndex: i,
            start: s,
            end: e,
            replacement: null,
            message: t(`인용한 ${label}가 이 계약서에 없습니다.`, `The cited article ${label} does not exist in this contract.`),
          });
          continue;
        }
        if (m[3]) {
          const n = Number(m[3]);
          const bad = art.paras.size ? !art.paras.has(n) : n >= 2;
          if (bad)
            out.push({
              paragraphIndex: i,
              start: s,
              end: e,
              replacement: null,
              message: t(
                `인용한 ${label} 제${n}항이 없습니다(${label}에는 ${art.paras.size || 1}개 항이 있음).`,
                `The cited paragraph ${n} of ${label} does not exist (${label} has ${art.paras.size || 1}).`,
              ),
            });
        }
      }
      const here = articleAt(articles, i);
      if (!here) return;
      BARE_PARA_RE.lastIndex = 0;
      for (let m = BARE_PARA_RE.exec(p); m; m = BARE_PARA_RE.exec(p)) {
        const s = m.index;
        const e = s + m[0].length;
        if (covered.some(([a, b]) => s < b && a < e)) continue;
        if (/(전조|조|」|법|령|규칙)\s*$/.test(p.slice(Math.max(0, s - 6), s))) continue;
        const n = Number(m[1]);
        const bad = here.paras.size ? !here.paras.has(n) : n >= 2;
        if (bad)
          out.push({
            paragraphIndex: i,
            start: s,
            end: e,
            replacement: null,
            message: t(
              `인용한 제${n}항이 이 조(제${here.key.replace('-', '조의')}${here.key.includes('-') ? '' : '조'})에 없습니다.`,
              `The cited paragraph ${n} does not exist in this article.`,
            ),
          });
      }
    });
    return out;
  },
};

export const contractPackRules: Rule[] = [usedBeforeDefinition, inconsistentTerm, undefinedTerm, undefinedUsedTerm, crossReference];
