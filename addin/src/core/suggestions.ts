/**
 * Pure proofreading logic for the pane: merging streamed suggestions, grouping and
 * filtering, ignore-list keys, building the host's ParagraphEditSets and the
 * highlight diff of original → replacement. No React, no Office, no network.
 */
import type { HostParagraph, ParagraphEdit, ParagraphEditSet } from '../host/DocumentHost';
import { CATEGORIES, SUGGESTION_SOURCES, type Category, type SuggestionSource } from '../../../kernel/contract/enums';
import type { Suggestion } from '../../../kernel/contract/suggestion';
import { planEdits, sharedEnds, spanHolds, spansClash } from '../../../kernel/edits';

export type { Category, Suggestion, SuggestionSource };

/** Display order of the categories: the relay's own list (a pure module, bundled as is). */
export const CATEGORY_ORDER: readonly Category[] = CATEGORIES;

export const SOURCES: readonly SuggestionSource[] = SUGGESTION_SOURCES;

/** The pane's paragraph id for a paragraph at body position `index`. */
export function paragraphId(index: number): string {
  return `p${index}`;
}

/** FNV-1a 32-bit over UTF-16 code units, as 8 hex digits. */
export function hashText(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}

/** Key under which an ignored suggestion is remembered: paragraph text + span + replacement. */
export function ignoreKey(paragraphText: string, s: Pick<Suggestion, 'start' | 'end' | 'replacement'>): string {
  return `${hashText(paragraphText)}:${s.start}-${s.end}:${s.replacement ?? '\u2205'}`;
}

/**
 * Adds incoming suggestions to the list: drops duplicates (same id, or same paragraph, span and
 * replacement) and, from the model layer, any that clash with an existing rule/dictionary suggestion
 * (the span rule in kernel/edits/span.ts).
 * Keeps paragraph then position order.
 */
export function mergeIncoming(
  existing: readonly Suggestion[],
  incoming: readonly Suggestion[],
  order?: (pid: string) => number,
): Suggestion[] {
  const out = [...existing];
  const ids = new Set(existing.map((s) => s.id));
  const spanKey = (s: Suggestion) => `${s.paragraphId}\u0000${s.start}\u0000${s.end}\u0000${s.replacement ?? ''}`;
  const spans = new Set(existing.map(spanKey));
  for (const s of incoming) {
    if (ids.has(s.id) || spans.has(spanKey(s))) continue;
    if (s.source === 'model' && out.some((e) => e.paragraphId === s.paragraphId && e.source !== 'model' && spansClash(e, s))) continue;
    out.push(s);
    ids.add(s.id);
    spans.add(spanKey(s));
  }
  const pos = order ?? ((pid: string) => Number(pid.replace(/^\D+/, '')) || 0);
  return out.sort((a, b) => pos(a.paragraphId) - pos(b.paragraphId) || a.start - b.start || a.end - b.end);
}

export interface SuggestionFilter {
  /** null: every category. */
  category: Category | null;
  /** null: every source. */
  source: SuggestionSource | null;
}

export function filterSuggestions<T extends Suggestion>(list: readonly T[], f: SuggestionFilter): T[] {
  return list.filter((s) => (f.category === null || s.category === f.category) && (f.source === null || s.source === f.source));
}

export interface CategoryGroup<T extends Suggestion> {
  category: Category;
  items: T[];
}

/** Groups by category in CATEGORY_ORDER (unknown categories last), keeping the list's order inside a group. */
export function groupByCategory<T extends Suggestion>(list: readonly T[]): CategoryGroup<T>[] {
  const map = new Map<Category, T[]>();
  for (const s of list) {
    const g = map.get(s.category);
    if (g) g.push(s);
    else map.set(s.category, [s]);
  }
  const rank = (c: Category) => {
    const i = CATEGORY_ORDER.indexOf(c);
    return i < 0 ? CATEGORY_ORDER.length : i;
  };
  return [...map.entries()].sort((a, b) => rank(a[0]) - rank(b[0])).map(([category, items]) => ({ category, items }));
}

export function countBy<T extends Suggestion, K extends string>(list: readonly T[], key: (s: T) => K): Map<K, number> {
  const m = new Map<K, number>();
  for (const s of list) m.set(key(s), (m.get(key(s)) ?? 0) + 1);
  return m;
}

export interface EditSetPlan {
  sets: ParagraphEditSet[];
  /** Suggestion ids left out: overlapping another chosen edit, unknown paragraph, or out of range. */
  skipped: string[];
}

/**
 * Builds one ParagraphEditSet per paragraph from the suggestions to accept, against each
 * paragraph's text as checked. Of clashing suggestions (kernel/edits/span.ts) the first by
 * position wins and the rest are skipped (they can be accepted after a re-check).
 */
export function buildEditSets(
  suggestions: readonly Suggestion[],
  paragraphs: ReadonlyMap<string, HostParagraph>,
  commentFor: (s: Suggestion) => string,
): EditSetPlan {
  const byPara = new Map<string, Suggestion[]>();
  const skipped: string[] = [];
  for (const s of suggestions) {
    const p = paragraphs.get(s.paragraphId);
    if (!p || !spanHolds(p.text, s)) {
      skipped.push(s.id);
      continue;
    }
    const list = byPara.get(s.paragraphId);
    if (list) list.push(s);
    else byPara.set(s.paragraphId, [s]);
  }
  const sets: ParagraphEditSet[] = [];
  for (const [pid, list] of byPara) {
    const { kept, clashing } = planEdits(list);
    skipped.push(...clashing.map((s) => s.id));
    const edits: ParagraphEdit[] = kept.map((s) => ({
      suggestionId: s.id,
      start: s.start,
      end: s.end,
      original: s.original,
      replacement: s.replacement,
      comment: commentFor(s),
    }));
    sets.push({ paragraph: paragraphs.get(pid)!, edits });
  }
  sets.sort((a, b) => a.paragraph.index - b.paragraph.index);
  return { sets, skipped };
}

/** The paragraph's text after the given edits (replacement null leaves the text as it is). */
export { applyEditsToText as applyToText } from '../../../kernel/edits';

/**
 * Moves the remaining suggestions of a paragraph after `applied` edits changed its text.
 * Returns the rebased suggestions and the ids that clash with an applied edit (no longer valid;
 * the span rule in kernel/edits/span.ts).
 */
export function rebase<T extends Suggestion>(
  remaining: readonly T[],
  applied: ReadonlyArray<Pick<ParagraphEdit, 'start' | 'end' | 'replacement'>>,
): { kept: T[]; invalid: string[] } {
  const changes = applied.filter((e) => e.replacement !== null).sort((a, b) => a.start - b.start);
  const kept: T[] = [];
  const invalid: string[] = [];
  for (const s of remaining) {
    if (changes.some((e) => spansClash(e, s))) {
      invalid.push(s.id);
      continue;
    }
    let delta = 0;
    for (const e of changes) if (e.end <= s.start) delta += e.replacement!.length - (e.end - e.start);
    kept.push(delta ? { ...s, start: s.start + delta, end: s.end + delta } : s);
  }
  return { kept, invalid };
}

export interface DiffPart {
  text: string;
  kind: 'same' | 'removed' | 'added';
}

export interface Highlight {
  /** The original with the removed part marked. */
  before: DiffPart[];
  /** The replacement with the added part marked. */
  after: DiffPart[];
}

/** Highlight diff: common prefix and suffix stay plain, the middle is marked (surrogate-safe). */
export function diffHighlight(original: string, replacement: string): Highlight {
  const { prefix: p, suffix: s } = sharedEnds(original, replacement);
  const parts = (text: string, kind: 'removed' | 'added'): DiffPart[] => {
    const out: DiffPart[] = [];
    const pre = text.slice(0, p);
    const mid = text.slice(p, text.length - s);
    const suf = text.slice(text.length - s);
    if (pre) out.push({ text: pre, kind: 'same' });
    if (mid) out.push({ text: mid, kind });
    if (suf) out.push({ text: suf, kind: 'same' });
    return out;
  };
  return { before: parts(original, 'removed'), after: parts(replacement, 'added') };
}

/** Up to `n` characters of context either side of the span, cut at word boundaries where possible. */
export function contextAround(text: string, start: number, end: number, n = 10): { before: string; after: string } {
  let before = text.slice(Math.max(0, start - n), start);
  let after = text.slice(end, end + n);
  if (start - n > 0) {
    const sp = before.indexOf(' ');
    if (sp >= 0 && sp < before.length - 1) before = before.slice(sp + 1);
    before = '…' + before;
  }
  if (end + n < text.length) {
    const sp = after.lastIndexOf(' ');
    if (sp > 0) after = after.slice(0, sp);
    after = after + '…';
  }
  return { before, after };
}

/**
 * A suggestion computed on a paragraph's older text (it arrived after the user accepted
 * other edits there): moved through each batch of accepted edits in turn, or marked
 * stale when one of them touched its span.
 */
export function catchUpSuggestion<T extends Suggestion & { stale?: boolean }>(
  s: T,
  acceptedBatches: ReadonlyArray<ReadonlyArray<Pick<ParagraphEdit, 'start' | 'end' | 'replacement'>>>,
): T {
  let item = s;
  for (const edits of acceptedBatches) {
    const { kept } = rebase([item], edits);
    if (!kept[0]) return { ...item, stale: true };
    item = kept[0];
  }
  return item;
}

/**
 * The rest of the word around a change, from the context either side, so a card shows
 * "알려드림니다 → 알려드립니다" rather than "림 → 립" (and "할수있는 → 할 수 있는" for an
 * inserted space). Stops at whitespace, the context's ellipsis and enclosing punctuation.
 */
export function wordAround(context: { before: string; after: string } | undefined): { lead: string; trail: string } {
  if (!context) return { lead: '', trail: '' };
  const lead = /[^\s…"'“”‘’([{<「『《〈]*$/u.exec(context.before)?.[0] ?? '';
  const trail = /^[^\s…"'“”‘’)\]}>」』》〉.,;:!?·]*/u.exec(context.after)?.[0] ?? '';
  return { lead, trail };
}
