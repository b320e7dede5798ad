/**
 * Merging suggestions from several layers (rule, dictionary, model).
 *  - Overlapping suggestions in a paragraph that *agree* (they produce the same text over the
 *    union of their spans) are merged into one: the highest-priority layer's suggestion is kept
 *    (rule > dictionary > model: its span, message, id and norm citation), with the best
 *    confidence of the group and the first available citation.
 *  - Overlapping suggestions that conflict are all kept (the client shows the alternatives).
 *  - Output is ordered by paragraph (input order), then start, then end; ids are stable.
 */
import type { Paragraph, Suggestion, SuggestionSource } from './types';
import { sortSuggestions } from './run-rules';

const PRIORITY: Record<SuggestionSource, number> = { rule: 0, dictionary: 1, model: 2 };

function resultOver(text: string, s: Suggestion, from: number, to: number): string | null {
  if (s.replacement === null) return null;
  return text.slice(from, s.start) + s.replacement + text.slice(s.end, to);
}

/** True when both suggestions make the same change (for null replacements: same span and rule). */
export function agree(a: Suggestion, b: Suggestion, text: string): boolean {
  if (a.replacement === null || b.replacement === null) {
    return a.replacement === b.replacement && a.start === b.start && a.end === b.end && (a.ruleId ?? a.source) === (b.ruleId ?? b.source);
  }
  const from = Math.min(a.start, b.start);
  const to = Math.max(a.end, b.end);
  return resultOver(text, a, from, to) === resultOver(text, b, from, to);
}

function overlaps(a: Suggestion, b: Suggestion): boolean {
  if (a.start === a.end || b.start === b.end) return a.start <= b.end && b.start <= a.end;
  return a.start < b.end && b.start < a.end;
}

function better(a: Suggestion, b: Suggestion): Suggestion {
  const pa = PRIORITY[a.source];
  const pb = PRIORITY[b.source];
  if (pa !== pb) return pa < pb ? a : b;
  if (a.confidence !== b.confidence) return a.confidence > b.confidence ? a : b;
  return a.id <= b.id ? a : b;
}

export function mergeSuggestions(list: readonly Suggestion[], paragraphs: readonly Paragraph[]): Suggestion[] {
  const texts = new Map<string, string>();
  for (const p of paragraphs) texts.set(p.id, p.text);
  const byPara = new Map<string, Suggestion[]>();
  for (const s of list) {
    let arr = byPara.get(s.paragraphId);
    if (!arr) byPara.set(s.paragraphId, (arr = []));
    arr.push(s);
  }
  const out: Suggestion[] = [];
  for (const [pid, arr] of byPara) {
    const text = texts.get(pid) ?? '';
    arr.sort((a, b) => a.start - b.start || a.end - b.end || PRIORITY[a.source] - PRIORITY[b.source]);
    const kept: Suggestion[] = [];
    for (const s of arr) {
      let merged = false;
      for (let i = 0; i < kept.length; i++) {
        const k = kept[i]!;
        if (k.id === s.id || (overlaps(k, s) && agree(k, s, text))) {
          const best = better(k, s);
          const other = best === k ? s : k;
          const m: Suggestion = { ...best, confidence: Math.max(k.confidence, s.confidence) };
          if (!m.rule && other.rule) m.rule = other.rule;
          kept[i] = m;
          merged = true;
          break;
        }
      }
      if (!merged) kept.push(s);
    }
    out.push(...kept);
  }
  return sortSuggestions(out, paragraphs);
}

/**
 * The model layer's suggestions that add something: in a wanted category, and not making the
 * same change as a finding already delivered (rule/dictionary findings arrive first; those
 * stay). Used by the relay's route and the CLIs alike (server/proofread/proofreader.ts).
 */
export function freshModelSuggestions(
  delivered: readonly Suggestion[],
  incoming: readonly Suggestion[],
  textOf: (paragraphId: string) => string,
  wanted?: ReadonlySet<string>,
): Suggestion[] {
  return incoming.filter(
    (s) =>
      (!wanted || wanted.has(s.category)) &&
      !delivered.some((d) => d.paragraphId === s.paragraphId && overlaps(d, s) && agree(d, s, textOf(s.paragraphId))),
  );
}
