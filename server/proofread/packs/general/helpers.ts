/** Helpers for writing regex-based rules: Hangul syllable maths, particle agreement, rule builders. */
import type { Category, LocalizedText, PackName, Rule, RuleExamples, RuleMatch } from '../../types';

/** Lookbehind: not preceded by a Hangul syllable, Latin letter or digit (start of a word). */
export const WORD_START = '(?<![가-힣A-Za-z0-9])';

/** Final consonant (jongseong) index of a Hangul syllable, 0 = none, -1 = not a syllable. */
export function jong(ch: string | undefined): number {
  if (!ch) return -1;
  const c = ch.charCodeAt(0) - 0xac00;
  if (c < 0 || c > 11171) return -1;
  return c % 28;
}
export const JONG_N = 4;
export const JONG_L = 8;

const PARTICLE_PAIRS: Array<[string, string]> = [
  // [after consonant, after vowel]
  ['으로', '로'],
  ['을', '를'],
  ['은', '는'],
  ['이', '가'],
  ['과', '와'],
  ['이나', '나'],
  ['이랑', '랑'],
];

/**
 * When a word is replaced and its last syllable's batchim status changes, the particle
 * right after it may have to change too (컨셉을 → 콘셉트를). Returns the particle
 * replacement: [lengthOfOldParticle, newParticle] or null when nothing changes.
 */
function adjustParticle(oldWord: string, newWord: string, after: string): [number, string] | null {
  const oj = jong(oldWord[oldWord.length - 1]);
  const nj = jong(newWord[newWord.length - 1]);
  if (oj < 0 || nj < 0) return null;
  const oldCons = oj !== 0;
  const newCons = nj !== 0;
  const oldL = oj === JONG_L;
  const newL = nj === JONG_L;
  if (oldCons === newCons && oldL === newL) return null;
  const nextIsHangul = (s: string) => /^[가-힣]/.test(s);
  for (const [cons, vow] of PARTICLE_PAIRS) {
    // longest-first order within the pair list is fine because no pair shares prefix issues that matter
    const oldP = oldCons && !(cons === '으로' && oldL) ? cons : vow;
    if (after.startsWith(oldP)) {
      const rest = after.slice(oldP.length);
      // 이 / 가 could start another word (이다, 이런): only treat as particle when the word ends there
      if (
        (oldP === '이' ||
          oldP === '가' ||
          oldP === '은' ||
          oldP === '는' ||
          oldP === '을' ||
          oldP === '를' ||
          oldP === '과' ||
          oldP === '와') &&
        nextIsHangul(rest)
      )
        continue;
      const newP = newCons && !(cons === '으로' && newL) ? cons : vow;
      if (newP === oldP) return null;
      return [oldP.length, newP];
    }
  }
  return null;
}

export interface RegexRuleSpec {
  id: string;
  pack?: PackName;
  category: Category;
  message: LocalizedText;
  norm?: string;
  confidence: number;
  examples: RuleExamples;
  /** Must have the 'g' flag. Compiled once. */
  re: RegExp;
  /**
   * Returns the replacement for a match (string), null for a comment-only finding,
   * undefined to skip the match, or an array of partial matches relative to text.
   */
  replace: (
    m: RegExpExecArray,
    text: string,
  ) => string | null | undefined | Array<{ start: number; end: number; replacement: string | null }>;
}

export function regexRule(spec: RegexRuleSpec): Rule {
  const re = spec.re;
  if (!re.global) throw new Error(`rule ${spec.id}: regex needs the g flag`);
  return {
    id: spec.id,
    pack: spec.pack ?? 'general',
    category: spec.category,
    message: spec.message,
    ...(spec.norm ? { norm: spec.norm } : {}),
    confidence: spec.confidence,
    examples: spec.examples,
    scope: 'paragraph',
    check(ctx, paragraphIndex = 0) {
      const text = ctx.paragraphs[paragraphIndex];
      if (!text) return [];
      const out: RuleMatch[] = [];
      re.lastIndex = 0;
      let m: RegExpExecArray | null;
      while ((m = re.exec(text)) !== null) {
        if (m[0].length === 0) {
          re.lastIndex++;
          continue;
        }
        const r = spec.replace(m, text);
        if (r === undefined) continue;
        if (Array.isArray(r)) {
          for (const x of r) out.push({ paragraphIndex, start: x.start, end: x.end, replacement: x.replacement });
        } else {
          out.push({ paragraphIndex, start: m.index, end: m.index + m[0].length, replacement: r });
        }
      }
      return out;
    },
  };
}

/**
 * A table rule: each key (a wrong word or stem) is replaced by its value. Keys match at
 * word start (not preceded by Hangul/Latin/digit) unless `anywhere`; `notBefore` is a
 * regex source for a negative lookahead after the key. The particle after the word is
 * adjusted when the batchim changes.
 */
export function tableRule(
  spec: Omit<RegexRuleSpec, 're' | 'replace'> & {
    table: Record<string, string>;
    anywhere?: boolean;
    notBefore?: string;
    /** Lookahead source required after the key (e.g. a word end). */
    before?: string;
  },
): Rule {
  const keys = Object.keys(spec.table).sort((a, b) => b.length - a.length);
  const esc = keys.map((k) => k.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const src =
    (spec.anywhere ? '' : WORD_START) +
    `(?:${esc.join('|')})` +
    (spec.notBefore ? `(?!${spec.notBefore})` : '') +
    (spec.before ? `(?=${spec.before})` : '');
  const table = spec.table;
  return regexRule({
    ...spec,
    re: new RegExp(src, 'g'),
    replace(m, text) {
      const rep = table[m[0]];
      if (rep === undefined) return undefined;
      const end = m.index + m[0].length;
      const adj = adjustParticle(m[0], rep, text.slice(end, end + 3));
      if (adj) return [{ start: m.index, end: end + adj[0], replacement: rep + adj[1] }];
      return rep;
    },
  });
}
