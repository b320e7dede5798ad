/**
 * The offline proofreading engine: rule packs + (optionally) the Hunspell dictionary layer.
 * Input text is NFC-normalised at this boundary: if a caller passes non-NFC text, the returned
 * offsets are into the NFC form of the paragraph (use `toNfcParagraphs` to get that text).
 */
import type { Category, PackName, Paragraph, Suggestion } from './types';
import { rulesFor } from './packs';
import { runRules } from './run-rules';
import { dictionarySuggestions, loadHunspell, type SpellChecker } from './dictionary';
import { mergeSuggestions } from './merge';
import { coalesceSuggestions } from './coalesce';

export interface OfflineEngineOptions {
  /** Enable the Hunspell dictionary layer (default false: it lowers precision, see report). */
  dictionary?: boolean;
}

/**
 * Default display threshold. Suggestions below it are 'style'-tier recommendations (e.g. a
 * loanword spelling whose non-standard form dominates everyday and edited writing, see
 * rules/loanwords.ts) or low-precision layers (the dictionary's ungated guesses): they are
 * returned only when the caller asks for them with `minConfidence` (0 = everything).
 */
export const DEFAULT_MIN_CONFIDENCE = 0.8;

/**
 * Recommendations that become full findings in formal document types (공문서, 특허, 계약):
 * there the norm applies strictly — 외래어 표기법 for public documents (국어기본법 제14조,
 * 행정업무 운영 편람) — so 컨셉 → 콘셉트 is shown, while general writing gets it only as a
 * 'style' recommendation.
 */
const STRICT_IN_FORMAL_PACKS = new Set(['style.loanword-variant']);
const FORMAL_CONFIDENCE = 0.9;

export interface CheckOptions {
  pack: PackName;
  categories?: Category[];
  /** Drop suggestions with confidence below this (default DEFAULT_MIN_CONFIDENCE; 0 = all). */
  minConfidence?: number;
}

export interface OfflineEngine {
  readonly dictionary: boolean;
  check(paragraphs: Paragraph[], opts: CheckOptions): Suggestion[];
}

function toNfcParagraphs(paragraphs: readonly Paragraph[]): Paragraph[] {
  return paragraphs.map((p) => {
    const text = p.text.normalize('NFC');
    return text === p.text ? p : { id: p.id, text };
  });
}

/** Synchronous engine from an already-loaded spell checker (or none). */
export function createEngineSync(spell: SpellChecker | null): OfflineEngine {
  return {
    dictionary: spell !== null,
    check(paragraphs, opts) {
      const paras = toNfcParagraphs(paragraphs);
      return coalesceSuggestions(checkParagraphs(paras, opts), paras);
    },
  };
  function checkParagraphs(paras: Paragraph[], opts: CheckOptions): Suggestion[] {
    const min = opts.minConfidence ?? DEFAULT_MIN_CONFIDENCE;
    const keep = (s: Suggestion) => s.confidence >= min;
    let rules = runRules(rulesFor(opts.pack), paras, opts.categories ? { categories: opts.categories } : {});
    if (opts.pack !== 'general') {
      rules = rules.map((s) =>
        s.ruleId && STRICT_IN_FORMAL_PACKS.has(s.ruleId) ? { ...s, confidence: Math.max(s.confidence, FORMAL_CONFIDENCE) } : s,
      );
    }
    if (!spell || (opts.categories && !opts.categories.includes('spelling'))) return min > 0 ? rules.filter(keep) : rules;
    // the dictionary skips tokens any rule (shown or not) already covers
    const dict = dictionarySuggestions(spell, paras, { covered: rules });
    const all = mergeSuggestions([...rules, ...dict], paras);
    return min > 0 ? all.filter(keep) : all;
  }
}

export async function createOfflineEngine(opts: OfflineEngineOptions = {}): Promise<OfflineEngine> {
  const spell = opts.dictionary ? await loadHunspell() : null;
  return createEngineSync(spell);
}
