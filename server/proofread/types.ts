/**
 * Shared contracts of the proofreading engine. Pure types: no Office, no network.
 * Offsets everywhere are UTF-16 code-unit offsets into the paragraph's NFC text.
 */

// The wire contract's enumerations and the Suggestion shape live in the shared kernel.
export { CATEGORIES, PACK_IDS as PACK_NAMES } from '../../kernel/contract/enums';
export type { Category, PackId as PackName, SuggestionSource } from '../../kernel/contract/enums';
export type { Suggestion } from '../../kernel/contract/suggestion';
import type { Category, PackId as PackName } from '../../kernel/contract/enums';

export interface Paragraph {
  id: string;
  text: string;
}

export interface LocalizedText {
  ko: string;
  en: string;
}

/** What a rule reports; the engine turns it into a Suggestion. */
export interface RuleMatch {
  paragraphIndex: number;
  start: number;
  end: number;
  replacement: string | null;
  /** Overrides the rule's message for this match (e.g. naming the claim). */
  message?: LocalizedText;
}

/**
 * Rule examples, run by the test suite for every rule (LanguageTool style).
 * A document is a string whose lines ('\n') are paragraphs.
 *  - wrong: the rule must fire; `fixed` is the document after applying every
 *    replacement of this rule; `fixed: null` means the rule fires without a fix
 *    (a comment-only finding), and `count` (default 1) how many findings.
 *  - correct: the rule must not fire at all.
 */
export interface RuleExamples {
  wrong: Array<{ text: string; fixed: string | null; count?: number }>;
  correct: string[];
}

export interface RuleContext {
  /** Every paragraph of the checked text, NFC. */
  paragraphs: readonly string[];
}

export interface Rule {
  /** Dotted id, e.g. "spacing.dependent-noun.su" or "patent.antecedent". */
  id: string;
  pack: PackName;
  category: Category;
  message: LocalizedText;
  /** Norm cited, e.g. "한글 맞춤법 제42항", "특허법 시행령 제5조". */
  norm?: string;
  confidence: number;
  examples: RuleExamples;
  /**
   * Paragraph rules look at one paragraph; document rules (claims, defined terms,
   * cross-references) see all paragraphs. Matches carry the paragraph index.
   */
  scope: 'paragraph' | 'document';
  check(ctx: RuleContext, paragraphIndex?: number): RuleMatch[];
}
