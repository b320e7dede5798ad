/**
 * Deterministic review rules for Korean patent specifications (pack "patent").
 * Norms: 특허법 제42조, 특허법 시행령 제5조 (청구범위의 기재방법),
 * 특허법 시행규칙 별지 서식(명세서), 특허·실용신안 심사기준.
 * Each rule is declared here with its examples; what they parse is beside them: claims.ts (claims,
 * citations, headings), terms.ts (terms after 상기), numerals.ts (reference numerals),
 * sections.ts (the specification's sections).
 */
import type { LocalizedText, Rule, RuleContext, RuleMatch } from '../../types';
import { ancestors, claimText, compatibleNames, isMultiple, parseClaims } from './claims';
import type { Claim, NumeralUse } from './claims';
import { iNounsIn, squash, termAfterSangi } from './terms';
import { indexNumerals, primaryNumerals } from './numerals';
import { PATENT_SECTIONS, SECTION_ORDER, hasDrawings, isSpecification, specHeadings } from './sections';

const t = (ko: string, en: string): LocalizedText => ({ ko, en });

function byNumber(claims: readonly Claim[]): Map<number, Claim> {
  const m = new Map<number, Claim>();
  for (const c of claims) if (!m.has(c.number)) m.set(c.number, c);
  return m;
}

/* ------------------------------------------------------------------ numbering */

const claimNumbering: Rule = {
  id: 'patent.claims.numbering',
  pack: 'patent',
  category: 'patent',
  message: t('청구항 번호는 1부터 차례대로 붙여야 합니다.', 'Claims must be numbered consecutively from 1.'),
  norm: '특허법 시행령 제5조 제7항',
  confidence: 0.9,
  scope: 'document',
  examples: {
    wrong: [
      { text: '【청구항 1】\n장치.\n【청구항 3】\n제1항에 있어서, 장치.', fixed: null },
      { text: '【청구항 1】\n장치.\n【청구항 1】\n방법.', fixed: null },
    ],
    correct: ['【청구항 1】\n장치.\n【청구항 2】\n제1항에 있어서, 장치.'],
  },
  check(ctx: RuleContext): RuleMatch[] {
    const { claims } = parseClaims(ctx.paragraphs);
    const out: RuleMatch[] = [];
    claims.forEach((c, i) => {
      const expected = i === 0 ? 1 : claims[i - 1]!.number + 1;
      if (c.number === expected) return;
      const p = ctx.paragraphs[c.headingIndex]!;
      const d = /\d+/.exec(p)!;
      out.push({
        paragraphIndex: c.headingIndex,
        start: d.index,
        end: d.index + d[0].length,
        replacement: null,
        message: t(
          `청구항 ${c.number}: 번호가 차례에 맞지 않습니다(${expected}이어야 함).`,
          `Claim ${c.number}: out of sequence (expected ${expected}).`,
        ),
      });
    });
    return out;
  },
};

/* --------------------------------------------------------- cited claim exists */

const invalidDependency: Rule = {
  id: 'patent.claims.invalid-dependency',
  pack: 'patent',
  category: 'patent',
  message: t('종속항은 먼저 적힌 다른 청구항을 인용해야 합니다.', 'A dependent claim must cite an existing, earlier claim.'),
  norm: '특허법 시행령 제5조 제2항·제6항',
  confidence: 0.95,
  scope: 'document',
  examples: {
    wrong: [
      { text: '【청구항 1】\n장치.\n【청구항 2】\n제5항에 있어서, 장치.', fixed: null },
      { text: '【청구항 1】\n청구항 2에 있어서, 장치.\n【청구항 2】\n장치.', fixed: null },
      { text: '【청구항 1】\n장치.\n【청구항 2】\n제2항에 있어서, 장치.', fixed: null },
    ],
    correct: [
      '【청구항 1】\n장치.\n【청구항 2】\n제1항에 있어서, 장치.\n【청구항 3】\n제1항 또는 제2항에 있어서, 장치.',
      '【청구항 1】\n장치.\n【청구항 2】\n장치.\n【청구항 3】\n제1항 내지 제2항 중 어느 한 항에 있어서, 장치.',
    ],
  },
  check(ctx: RuleContext): RuleMatch[] {
    const { claims } = parseClaims(ctx.paragraphs);
    const nums = byNumber(claims);
    const out: RuleMatch[] = [];
    for (const c of claims) {
      if (!c.citation) continue;
      for (const r of c.citation.refs) {
        let why: LocalizedText | null = null;
        if (!nums.has(r.number))
          why = t(`청구항 ${c.number}: 인용한 제${r.number}항이 없습니다.`, `Claim ${c.number}: cited claim ${r.number} does not exist.`);
        else if (r.number === c.number) why = t(`청구항 ${c.number}: 자기 자신을 인용하고 있습니다.`, `Claim ${c.number} cites itself.`);
        else if (r.number > c.number)
          why = t(
            `청구항 ${c.number}: 뒤에 적힌 제${r.number}항을 인용하고 있습니다. 인용되는 청구항은 먼저 적어야 합니다.`,
            `Claim ${c.number} cites a later claim (${r.number}); cited claims must come first.`,
          );
        if (why) out.push({ paragraphIndex: r.paragraphIndex, start: r.start, end: r.end, replacement: null, message: why });
      }
    }
    return out;
  },
};

/* ------------------------------------------- alternative (택일적) citation */

const alternativeCitation: Rule = {
  id: 'patent.claims.alternative-citation',
  pack: 'patent',
  category: 'patent',
  message: t(
    '둘 이상의 항을 인용할 때는 "또는", "중 어느 한 항"처럼 택일적으로 적어야 합니다.',
    'A claim citing two or more claims must cite them as alternatives ("또는", "중 어느 한 항").',
  ),
  norm: '특허법 시행령 제5조 제4항',
  confidence: 0.9,
  scope: 'document',
  examples: {
    wrong: [
      {
        text: '【청구항 1】\n장치.\n【청구항 2】\n장치.\n【청구항 3】\n제1항 및 제2항에 있어서, 장치.',
        fixed: '【청구항 1】\n장치.\n【청구항 2】\n장치.\n【청구항 3】\n제1항 또는 제2항에 있어서, 장치.',
      },
      {
        text: '【청구항 1】\n장치.\n【청구항 2】\n장치.\n【청구항 3】\n장치.\n【청구항 4】\n제1항, 제2항 그리고 제3항 중 어느 한 항에 있어서, 장치.',
        fixed:
          '【청구항 1】\n장치.\n【청구항 2】\n장치.\n【청구항 3】\n장치.\n【청구항 4】\n제1항, 제2항 또는 제3항 중 어느 한 항에 있어서, 장치.',
      },
      {
        text: '【청구항 1】\n장치.\n【청구항 2】\n장치.\n【청구항 3】\n제1항 내지 제2항에 있어서, 장치.',
        fixed: '【청구항 1】\n장치.\n【청구항 2】\n장치.\n【청구항 3】\n제1항 내지 제2항 중 어느 한 항에 있어서, 장치.',
      },
      {
        text: '【청구항 1】\n장치.\n【청구항 2】\n장치.\n【청구항 3】\n제1항, 제2항에 있어서, 장치.',
        fixed: '【청구항 1】\n장치.\n【청구항 2】\n장치.\n【청구항 3】\n제1항 또는 제2항에 있어서, 장치.',
      },
    ],
    correct: [
      '【청구항 1】\n장치.\n【청구항 2】\n장치.\n【청구항 3】\n제1항 또는 제2항에 있어서, 장치.',
      '【청구항 1】\n장치.\n【청구항 2】\n장치.\n【청구항 3】\n제1항 내지 제2항 중 어느 한 항에 있어서, 장치.',
      '【청구항 1】\n장치.\n【청구항 2】\n제1항에 있어서, 상기 장치는 센서 및 제어부를 포함하는 장치.',
    ],
  },
  check(ctx: RuleContext): RuleMatch[] {
    const { claims } = parseClaims(ctx.paragraphs);
    const out: RuleMatch[] = [];
    for (const c of claims) {
      const cit = c.citation;
      if (!cit || cit.kind === 'single') continue;
      const msg = t(
        `청구항 ${c.number}: 여러 항을 인용할 때는 택일적으로("또는", "중 어느 한 항") 적어야 합니다.`,
        `Claim ${c.number}: several cited claims must be alternatives ("또는", "중 어느 한 항").`,
      );
      if (cit.kind === 'range') {
        if (!cit.anyOne) {
          const rel = cit.tail.text.lastIndexOf('에');
          out.push({
            paragraphIndex: cit.tail.paragraphIndex,
            start: cit.tail.start + rel,
            end: cit.tail.start + rel + 1,
            replacement: ' 중 어느 한 항에',
            message: msg,
          });
        }
        continue;
      }
      const words = cit.connectors.map((k) => k.text);
      const hasOr = words.some((w) => w === '또는' || w === '혹은');
      for (const k of cit.connectors) {
        if (k.text === '및' || k.text === '그리고')
          out.push({ paragraphIndex: k.paragraphIndex, start: k.start, end: k.end, replacement: '또는', message: msg });
        else if (k.text === '과' || k.text === '와')
          out.push({ paragraphIndex: k.paragraphIndex, start: k.start, end: k.end, replacement: ' 또는', message: msg });
      }
      if (!hasOr && words.every((w) => w === ',')) {
        const last = cit.connectors[cit.connectors.length - 1]!;
        out.push({ paragraphIndex: last.paragraphIndex, start: last.start, end: last.end, replacement: ' 또는', message: msg });
      }
    }
    return out;
  },
};

/* ------------------------------------- multiple dependent on multiple dependent */

const multipleOnMultiple: Rule = {
  id: 'patent.claims.multiple-on-multiple',
  pack: 'patent',
  category: 'patent',
  message: t(
    '둘 이상의 항을 인용하는 청구항은 다시 둘 이상의 항을 인용하는 청구항을 인용할 수 없습니다.',
    'A multiple dependent claim must not cite another multiple dependent claim.',
  ),
  norm: '특허법 시행령 제5조 제5항',
  confidence: 0.9,
  scope: 'document',
  examples: {
    wrong: [
      {
        text: '【청구항 1】\n장치.\n【청구항 2】\n장치.\n【청구항 3】\n제1항 또는 제2항에 있어서, 장치.\n【청구항 4】\n제1항 또는 제3항에 있어서, 장치.',
        fixed: null,
      },
      {
        // indirect: claim 5 cites claim 4, which cites multiply-dependent claim 3
        text: '【청구항 1】\n장치.\n【청구항 2】\n장치.\n【청구항 3】\n제1항 또는 제2항에 있어서, 장치.\n【청구항 4】\n제3항에 있어서, 장치.\n【청구항 5】\n제1항 또는 제4항에 있어서, 장치.',
        fixed: null,
      },
    ],
    correct: [
      '【청구항 1】\n장치.\n【청구항 2】\n장치.\n【청구항 3】\n제1항 또는 제2항에 있어서, 장치.\n【청구항 4】\n제3항에 있어서, 장치.',
    ],
  },
  check(ctx: RuleContext): RuleMatch[] {
    const { claims } = parseClaims(ctx.paragraphs);
    const nums = byNumber(claims);
    const out: RuleMatch[] = [];
    /** The multiply-dependent claim reached from claim n through single citations, if any. */
    const reachesMultiple = (n: number, seen = new Set<number>()): number | null => {
      const c = nums.get(n);
      if (!c || seen.has(n)) return null;
      seen.add(n);
      if (isMultiple(c)) return n;
      const only = c.citation?.numbers[0];
      return only !== undefined && only < n ? reachesMultiple(only, seen) : null;
    };
    for (const c of claims) {
      if (!isMultiple(c)) continue;
      const cit = c.citation!;
      for (const n of cit.numbers) {
        if (n >= c.number) continue;
        const hit = reachesMultiple(n);
        if (hit === null) continue;
        const ref = cit.refs.find((r) => r.number === n) ?? cit.span;
        const via = hit === n ? `제${n}항` : `제${n}항을 거쳐 제${hit}항`;
        const viaEn = hit === n ? `claim ${n}` : `claim ${n}, through it claim ${hit}`;
        out.push({
          paragraphIndex: ref.paragraphIndex,
          start: ref.start,
          end: ref.end,
          replacement: null,
          message: t(
            `청구항 ${c.number}: 둘 이상의 항을 인용하는 청구항이 둘 이상의 항을 인용하는 청구항(${via})을 인용합니다.`,
            `Claim ${c.number}: a multiple dependent claim cites a multiple dependent claim (${viaEn}).`,
          ),
        });
        break;
      }
    }
    return out;
  },
};

/* ------------------------------------------------------------ antecedent basis */

export const antecedent: Rule = {
  id: 'patent.antecedent',
  pack: 'patent',
  category: 'patent',
  message: t(
    '"상기"로 가리킨 구성요소가 이 청구항이나 인용한 청구항에 먼저 나오지 않습니다(선행 기재 없음).',
    'The element referred to with "상기" is not introduced earlier in this claim or the claims it depends on (no antecedent basis).',
  ),
  norm: '특허법 제42조 제4항 제2호',
  confidence: 0.8,
  scope: 'document',
  examples: {
    wrong: [
      {
        text: '【청구항 1】\n센서부; 및 상기 센서부의 출력을 받는 제어부를 포함하고, 상기 통신부는 데이터를 전송하는 장치.',
        fixed: null,
      },
      {
        text: '【청구항 1】\n센서부를 포함하는 장치.\n【청구항 2】\n제1항에 있어서, 상기 배터리는 리튬 전지인 장치.',
        fixed: null,
      },
    ],
    correct: [
      '【청구항 1】\n온도 센서(120); 및 상기 온도 센서(120)의 출력을 받는 제어부(110)를 포함하는 장치.\n【청구항 2】\n제1항에 있어서, 상기 제어부(110)는 상기 온도 센서의 출력을 저장하는 장치.',
      '【청구항 1】\n제1 전극 및 제2 전극을 포함하고, 상기 제1 전극은 상기 제2 전극과 이격된 소자.',
    ],
  },
  check(ctx: RuleContext): RuleMatch[] {
    const { claims } = parseClaims(ctx.paragraphs);
    const nums = byNumber(claims);
    const out: RuleMatch[] = [];
    const known = iNounsIn(ctx.paragraphs.join('\n'));
    for (const c of claims) {
      const inherited = squash(ancestors(c, nums).map(claimText).join('\n'));
      let before = inherited;
      for (const part of c.parts) {
        const re = /상기\s+/g;
        for (let m = re.exec(part.text); m; m = re.exec(part.text)) {
          if (m.index > 0 && /[가-힣]/.test(part.text[m.index - 1]!)) continue;
          const after = part.text.slice(m.index + m[0].length);
          const term = termAfterSangi(after, known);
          if (!term) continue;
          const prior = before + squash(part.text.slice(0, m.index));
          if (term.candidates.some((x) => prior.includes(squash(x)))) continue;
          out.push({
            paragraphIndex: part.paragraphIndex,
            start: part.start + m.index,
            end: part.start + m.index + m[0].length + term.length,
            replacement: null,
            message: t(
              `청구항 ${c.number}: "상기 ${term.display}"가 가리키는 구성요소가 앞에 나오지 않습니다(선행 기재 없음).`,
              `Claim ${c.number}: "상기 ${term.display}" has no antecedent basis in this claim or the claims it depends on.`,
            ),
          });
        }
        before += squash(part.text);
      }
    }
    return out;
  },
};

/* ----------------------------------------------------------- reference numerals */

const elementNumerals: Rule = {
  id: 'patent.numerals.element-multiple',
  pack: 'patent',
  category: 'patent',
  message: t(
    '같은 구성요소에 서로 다른 도면 부호가 붙어 있습니다(한 구성요소에는 한 부호).',
    'The same element carries different reference numerals (one element, one numeral).',
  ),
  norm: '특허법 시행규칙 별지 서식(명세서) 기재요령; 특허·실용신안 심사기준',
  confidence: 0.85,
  scope: 'document',
  examples: {
    wrong: [{ text: '제어부(110)는 센서(130)의 값을 읽는다.\n제어부(120)는 값을 저장한다.', fixed: null }],
    correct: ['제1 센서(121)와 제2 센서(122)를 포함한다.\n온도 센서(120)와 압력 센서(130)를 포함한다. 센서(120)는 온도를 잰다.'],
  },
  check(ctx: RuleContext): RuleMatch[] {
    const idx = indexNumerals(ctx.paragraphs);
    const out: RuleMatch[] = [];
    const firstOf = new Map<string, NumeralUse>();
    for (const u of idx.uses) {
      const prim = primaryNumerals(idx, u.key);
      if (prim.length < 2 || !prim.includes(u.numeral)) continue;
      const first = firstOf.get(u.key);
      if (!first) {
        firstOf.set(u.key, u);
        continue;
      }
      if (first.numeral === u.numeral) continue;
      out.push({
        paragraphIndex: u.paragraphIndex,
        start: u.start,
        end: u.end,
        replacement: null,
        message: t(
          `"${u.name}"에 부호 ${first.numeral}과(와) ${u.numeral}이(가) 함께 쓰였습니다. 한 구성요소에는 한 부호만 붙이십시오.`,
          `"${u.name}" is numbered both ${first.numeral} and ${u.numeral}; use one numeral per element.`,
        ),
      });
    }
    return out;
  },
};

const numeralShared: Rule = {
  id: 'patent.numerals.numeral-shared',
  pack: 'patent',
  category: 'patent',
  message: t(
    '같은 도면 부호가 서로 다른 구성요소에 쓰였습니다(한 부호에는 한 구성요소).',
    'The same reference numeral is used for different elements (one numeral, one element).',
  ),
  norm: '특허법 시행규칙 별지 서식(명세서) 기재요령; 특허·실용신안 심사기준',
  confidence: 0.85,
  scope: 'document',
  examples: {
    wrong: [{ text: '통신부(140)는 데이터를 보낸다.\n배터리(140)는 전원을 공급한다.', fixed: null }],
    correct: ['온도 센서(120)는 온도를 잰다.\n센서(120)의 출력은 제어부(110)로 간다.'],
  },
  check(ctx: RuleContext): RuleMatch[] {
    const idx = indexNumerals(ctx.paragraphs);
    const out: RuleMatch[] = [];
    const firstOf = new Map<string, NumeralUse>();
    for (const u of idx.descUses) {
      const first = firstOf.get(u.numeral);
      if (!first) {
        firstOf.set(u.numeral, u);
        continue;
      }
      if (compatibleNames(first.key, u.key)) continue;
      if (primaryNumerals(idx, u.key).length > 1) continue; // reported by element-multiple
      out.push({
        paragraphIndex: u.paragraphIndex,
        start: u.start,
        end: u.end,
        replacement: null,
        message: t(
          `부호 ${u.numeral}이(가) "${first.name}"과(와) "${u.name}"에 함께 쓰였습니다. 한 부호는 한 구성요소에만 붙이십시오.`,
          `Numeral ${u.numeral} is used for both "${first.name}" and "${u.name}"; use each numeral for one element only.`,
        ),
      });
    }
    return out;
  },
};

const numeralsInDescription: Rule = {
  id: 'patent.numerals.not-in-description',
  pack: 'patent',
  category: 'patent',
  message: t(
    '청구항에 쓴 도면 부호가 발명의 설명에 나오지 않습니다.',
    'A reference numeral used in the claims does not appear in the description.',
  ),
  norm: '특허법 제42조 제4항 제1호',
  confidence: 0.85,
  scope: 'document',
  examples: {
    wrong: [
      {
        text: '【발명의 설명】\n제어부(110)와 센서부(120)를 포함한다.\n【청구범위】\n【청구항 1】\n제어부(110), 센서부(120) 및 통신부(150)를 포함하는 장치.',
        fixed: null,
      },
    ],
    correct: [
      '【발명의 설명】\n제어부(110)와 센서부(120)를 포함한다.\n【청구범위】\n【청구항 1】\n제어부(110) 및 센서부(120)를 포함하는 장치.',
      '【청구항 1】\n제어부(110)를 포함하는 장치.',
    ],
  },
  check(ctx: RuleContext): RuleMatch[] {
    const idx = indexNumerals(ctx.paragraphs);
    if (!idx.descUses.length) return [];
    const inDesc = new Set(idx.descUses.map((u) => u.numeral));
    const seen = new Set<string>();
    const out: RuleMatch[] = [];
    for (const u of idx.claimUses) {
      if (inDesc.has(u.numeral) || seen.has(u.numeral)) continue;
      seen.add(u.numeral);
      out.push({
        paragraphIndex: u.paragraphIndex,
        start: u.start,
        end: u.end,
        replacement: null,
        message: t(
          `청구항의 "${u.name}(${u.numeral})": 부호 ${u.numeral}이(가) 발명의 설명에 없습니다.`,
          `"${u.name}(${u.numeral})" in the claims: numeral ${u.numeral} does not appear in the description.`,
        ),
      });
    }
    return out;
  },
};

const termConsistency: Rule = {
  id: 'patent.terms.inconsistent-name',
  pack: 'patent',
  category: 'patent',
  message: t(
    '청구항에서 같은 구성요소(같은 부호)를 다른 이름으로 부르고 있습니다.',
    'The claims name the same element (same numeral) differently.',
  ),
  norm: '특허법 제42조 제4항 제2호',
  confidence: 0.8,
  scope: 'document',
  examples: {
    wrong: [
      {
        text: '【청구항 1】\n제어부(110)를 포함하는 장치.\n【청구항 2】\n제1항에 있어서, 상기 컨트롤러(110)는 신호를 처리하는 장치.',
        fixed: null,
      },
      {
        text: '【발명의 설명】\n제어부(110)는 신호를 처리한다.\n【청구범위】\n【청구항 1】\n제어 유닛(110)을 포함하는 장치.',
        fixed: null,
      },
    ],
    correct: [
      '【발명의 설명】\n온도 센서(120)는 온도를 잰다.\n【청구범위】\n【청구항 1】\n온도 센서(120)를 포함하고, 상기 센서(120)는 온도를 재는 장치.',
    ],
  },
  check(ctx: RuleContext): RuleMatch[] {
    const idx = indexNumerals(ctx.paragraphs);
    const canonical = new Map<string, NumeralUse>();
    for (const u of [...idx.descUses, ...idx.claimUses]) if (!canonical.has(u.numeral)) canonical.set(u.numeral, u);
    const out: RuleMatch[] = [];
    for (const u of idx.claimUses) {
      const first = canonical.get(u.numeral)!;
      if (compatibleNames(first.key, u.key)) continue;
      if (primaryNumerals(idx, u.key).length > 1) continue; // reported by element-multiple
      out.push({
        paragraphIndex: u.paragraphIndex,
        start: u.start,
        end: u.end,
        replacement: null,
        message: t(
          `부호 ${u.numeral}의 구성요소를 "${first.name}"과(와) "${u.name}"으로 다르게 부르고 있습니다. 한 용어로 통일하십시오.`,
          `Element ${u.numeral} is called both "${first.name}" and "${u.name}"; use one term.`,
        ),
      });
    }
    return out;
  },
};

/* --------------------------------------------------------------- structure */

const missingSection: Rule = {
  id: 'patent.structure.missing-section',
  pack: 'patent',
  category: 'patent',
  message: t('명세서에 필요한 항목(식별항목)이 빠져 있습니다.', 'A required specification section is missing.'),
  norm: '특허법 제42조 제2항·제3항; 특허법 시행규칙 별지 서식(명세서)',
  confidence: 0.85,
  scope: 'document',
  examples: {
    wrong: [
      {
        text: '【발명의 설명】\n【발명의 명칭】\n장치\n【기술분야】\n본 발명은 장치에 관한 것이다.\n【발명의 내용】\n【해결하고자 하는 과제】\n과제.\n【과제의 해결 수단】\n수단.\n【발명의 효과】\n효과.\n【발명을 실시하기 위한 구체적인 내용】\n내용.\n【청구범위】\n【청구항 1】\n장치.\n【요약서】\n【요약】\n요약.',
        fixed: null,
      },
    ],
    correct: [
      '【발명의 설명】\n【발명의 명칭】\n장치\n【기술분야】\n본 발명은 장치에 관한 것이다.\n【배경기술】\n배경.\n【발명의 내용】\n【해결하고자 하는 과제】\n과제.\n【과제의 해결 수단】\n수단.\n【발명의 효과】\n효과.\n【발명을 실시하기 위한 구체적인 내용】\n내용.\n【청구범위】\n【청구항 1】\n장치.\n【요약서】\n【요약】\n요약.',
      '【청구항 1】\n장치.',
    ],
  },
  check(ctx: RuleContext): RuleMatch[] {
    if (!isSpecification(ctx.paragraphs)) return [];
    const hs = specHeadings(ctx.paragraphs);
    const present = new Set(hs.map((h) => h.name));
    const drawings = hasDrawings(ctx.paragraphs);
    const out: RuleMatch[] = [];
    PATENT_SECTIONS.forEach((s, i) => {
      const key = squash(s.name);
      if (present.has(key)) return;
      if (s.need === 'optional' || (s.need === 'drawings' && !drawings)) return;
      // attach to the next present heading in the expected order (or the last heading)
      const next = hs.find((h) => (SECTION_ORDER.get(h.name) ?? 0) > i) ?? hs[hs.length - 1]!;
      const p = ctx.paragraphs[next.paragraphIndex]!;
      const start = p.indexOf('【');
      out.push({
        paragraphIndex: next.paragraphIndex,
        start,
        end: next.end,
        replacement: null,
        message: t(`【${s.name}】 항목이 없습니다.`, `The section 【${s.name}】 is missing.`),
      });
    });
    return out;
  },
};

const sectionOrder: Rule = {
  id: 'patent.structure.section-order',
  pack: 'patent',
  category: 'patent',
  message: t('명세서 항목의 순서가 서식과 다릅니다.', 'Specification sections are out of the prescribed order.'),
  norm: '특허법 시행규칙 별지 서식(명세서)',
  confidence: 0.85,
  scope: 'document',
  examples: {
    wrong: [
      {
        text: '【발명의 설명】\n【발명의 명칭】\n장치\n【배경기술】\n배경.\n【기술분야】\n분야.\n【청구범위】\n【청구항 1】\n장치.',
        fixed: null,
      },
    ],
    correct: ['【발명의 설명】\n【발명의 명칭】\n장치\n【기술분야】\n분야.\n【배경기술】\n배경.\n【청구범위】\n【청구항 1】\n장치.'],
  },
  check(ctx: RuleContext): RuleMatch[] {
    if (!isSpecification(ctx.paragraphs)) return [];
    const hs = specHeadings(ctx.paragraphs);
    const out: RuleMatch[] = [];
    let maxOrder = -1;
    let maxName = '';
    for (const h of hs) {
      const o = SECTION_ORDER.get(h.name)!;
      if (o < maxOrder) {
        const p = ctx.paragraphs[h.paragraphIndex]!;
        const spec = PATENT_SECTIONS[o]!.name;
        const prev = PATENT_SECTIONS[SECTION_ORDER.get(maxName)!]!.name;
        out.push({
          paragraphIndex: h.paragraphIndex,
          start: p.indexOf('【'),
          end: h.end,
          replacement: null,
          message: t(`【${spec}】은(는) 【${prev}】보다 앞에 와야 합니다.`, `【${spec}】 must come before 【${prev}】.`),
        });
      } else {
        maxOrder = o;
        maxName = h.name;
      }
    }
    return out;
  },
};

export const patentPackRules: Rule[] = [
  missingSection,
  sectionOrder,
  claimNumbering,
  invalidDependency,
  alternativeCitation,
  multipleOnMultiple,
  antecedent,
  elementNumerals,
  numeralShared,
  numeralsInDescription,
  termConsistency,
];
