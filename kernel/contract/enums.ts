/**
 * The wire contract's enumerations: one list each, with stable string ids (never array
 * positions). The relay validates with them, the pane builds its pickers from them and
 * keys its labels by them (`Record<PackId, …>`), so adding an id here is a compile error
 * wherever a label or a case is missing.
 *
 * Kernel code: no Node, no DOM, no Office.js.
 */

/** Rule packs, chosen by the document type (일반 / 공문서 / 특허 / 계약). A document type is a pack id. */
export const PACK_IDS = ['general', 'official', 'patent', 'contract'] as const;
export type PackId = (typeof PACK_IDS)[number];

/** Suggestion categories, in the order the pane shows them. */
export const CATEGORIES = ['spelling', 'spacing', 'grammar', 'punctuation', 'numbers', 'style', 'official', 'patent', 'contract'] as const;
export type Category = (typeof CATEGORIES)[number];

/** Which layer produced a suggestion. */
export const SUGGESTION_SOURCES = ['rule', 'dictionary', 'model'] as const;
export type SuggestionSource = (typeof SUGGESTION_SOURCES)[number];

/** Sentence-ending register the model layer is asked to keep (합쇼체 / 해라체). */
export const REGISTERS = ['hapsyo', 'haera'] as const;
export type Register = (typeof REGISTERS)[number];

/** POST /api/rewrite `style`. */
export const REWRITE_STYLES = ['formal', 'concise', 'plain', 'bullets', 'hapsyo', 'haera', 'free'] as const;
export type RewriteStyle = (typeof REWRITE_STYLES)[number];

/** POST /api/summarize `options.length` and `options.form`. */
export const SUMMARY_LENGTHS = ['oneline', 'short', 'detailed'] as const;
export type SummaryLength = (typeof SUMMARY_LENGTHS)[number];
export const SUMMARY_FORMS = ['paragraph', 'bullets'] as const;
export type SummaryForm = (typeof SUMMARY_FORMS)[number];

/** Why the model layer did not check some paragraphs (SSE `unchecked`). */
export const UNCHECKED_REASONS = ['missing', 'unreadable', 'truncated', 'too-long'] as const;
export type UncheckedReason = (typeof UNCHECKED_REASONS)[number];

/** True when `s` is one of `ids` (narrows the type). */
export function isOneOf<const T extends string>(ids: readonly T[], s: unknown): s is T {
  return typeof s === 'string' && (ids as readonly string[]).includes(s);
}
