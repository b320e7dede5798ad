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

export interface OfflineEngineOptions {
  /** Enable the Hunspell dictionary layer (default false: it lowers precision, see report). */
  dictionary?: boolean;
}

export interface CheckOptions {
  pack: PackName;
  categories?: Category[];
}

export interface OfflineEngine {
  readonly dictionary: boolean;
  check(paragraphs: Paragraph[], opts: CheckOptions): Suggestion[];
}

export function toNfcParagraphs(paragraphs: readonly Paragraph[]): Paragraph[] {
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
      const rules = runRules(rulesFor(opts.pack), paras, opts.categories ? { categories: opts.categories } : {});
      if (!spell || (opts.categories && !opts.categories.includes('spelling'))) return rules;
      const dict = dictionarySuggestions(spell, paras, { covered: rules });
      return mergeSuggestions([...rules, ...dict], paras);
    },
  };
}

export async function createOfflineEngine(opts: OfflineEngineOptions = {}): Promise<OfflineEngine> {
  const spell = opts.dictionary ? await loadHunspell() : null;
  return createEngineSync(spell);
}
