/**
 * The last step on every engine's output (rules, dictionary, model, or all of them), so
 * that the CLI and the pane show the same findings:
 *  - duplicates go: suggestions with the same paragraph, span and replacement become one
 *    (e.g. 몇일 → 며칠 from two spelling rules), keeping the best one — rule before
 *    dictionary before model, then the one citing a norm (an article before a catch-all
 *    citation), then higher confidence;
 *  - adjacent edits of one fix become one: edits from the same rule (or with the same
 *    message) inside one word, with nothing but word characters between them, are joined
 *    ("할수 → 할 수" + "있 → ␣있" in 할수있는 become "할수있 → 할 수 있").
 * Pure: no I/O; offsets are UTF-16 offsets into each paragraph's NFC text. Idempotent.
 */
import { suggestionId } from './run-rules';
import type { Paragraph, Suggestion, SuggestionSource } from './types';

const PRIORITY: Record<SuggestionSource, number> = { rule: 0, dictionary: 1, model: 2 };

const ARTICLE = /제\s*\d+\s*[항조]/;

/** a is better than b */
function better(a: Suggestion, b: Suggestion): boolean {
  if (PRIORITY[a.source] !== PRIORITY[b.source]) return PRIORITY[a.source] < PRIORITY[b.source];
  if (!!a.rule !== !!b.rule) return !!a.rule;
  // A citation naming an article (한글 맞춤법 제27항) is more specific than a catch-all one.
  if (ARTICLE.test(a.rule ?? '') !== ARTICLE.test(b.rule ?? '')) return ARTICLE.test(a.rule ?? '');
  return a.confidence > b.confidence;
}

const sameChangeKey = (s: Suggestion) => `${s.paragraphId}\u0000${s.start}\u0000${s.end}\u0000${s.replacement ?? '\u0001'}`;

function dedupe(list: readonly Suggestion[]): Suggestion[] {
  const byKey = new Map<string, number>();
  const out: Suggestion[] = [];
  for (const s of list) {
    const key = sameChangeKey(s);
    const at = byKey.get(key);
    if (at === undefined) {
      byKey.set(key, out.length);
      out.push(s);
    } else {
      const kept = out[at]!;
      const best = better(s, kept) ? s : kept;
      const other = best === s ? kept : s;
      out[at] = { ...best, confidence: Math.max(s.confidence, kept.confidence), ...(!best.rule && other.rule ? { rule: other.rule } : {}) };
    }
  }
  return out;
}

const fixKey = (s: Suggestion) => `${s.source}\u0000${s.ruleId ?? ''}\u0000${s.message}`;

/** b starts where a ends, or after a gap of word characters only (no space, no punctuation). */
function sameWord(a: Suggestion, b: Suggestion, text: string): boolean {
  if (b.start < a.end) return false;
  return /^[^\s.,;:!?·…"'“”‘’()[\]{}<>「」『』]*$/u.test(text.slice(a.end, b.start));
}

function join(a: Suggestion, b: Suggestion, text: string): Suggestion {
  const replacement = a.replacement! + text.slice(a.end, b.start) + b.replacement!;
  const merged: Suggestion = {
    ...a,
    end: b.end,
    original: text.slice(a.start, b.end),
    replacement,
    confidence: Math.min(a.confidence, b.confidence),
  };
  merged.id = suggestionId(a.paragraphId, merged.start, merged.end, replacement, a.ruleId ?? a.source);
  return merged;
}

function groupAdjacent(list: readonly Suggestion[], texts: ReadonlyMap<string, string>): Suggestion[] {
  const order = list.map((s, i) => ({ s, i }));
  // Sort a copy by paragraph then start to find neighbours; the output keeps input order.
  const sorted = [...order].sort((x, y) =>
    x.s.paragraphId < y.s.paragraphId ? -1 : x.s.paragraphId > y.s.paragraphId ? 1 : x.s.start - y.s.start || x.s.end - y.s.end,
  );
  const absorbed = new Set<number>();
  const replaced = new Map<number, Suggestion>();
  for (let k = 0; k < sorted.length; k++) {
    const head = sorted[k]!;
    if (absorbed.has(head.i) || head.s.replacement === null) continue;
    const text = texts.get(head.s.paragraphId);
    if (text === undefined) continue;
    let cur = head.s;
    for (let m = k + 1; m < sorted.length; m++) {
      const next = sorted[m]!;
      if (next.s.paragraphId !== cur.paragraphId || next.s.start > cur.end + 40) break;
      if (absorbed.has(next.i) || next.s.replacement === null || fixKey(next.s) !== fixKey(cur)) continue;
      if (!sameWord(cur, next.s, text)) continue;
      cur = join(cur, next.s, text);
      absorbed.add(next.i);
    }
    if (cur !== head.s) replaced.set(head.i, cur);
  }
  return order.filter(({ i }) => !absorbed.has(i)).map(({ s, i }) => replaced.get(i) ?? s);
}

export function coalesceSuggestions(list: readonly Suggestion[], paragraphs: readonly Paragraph[]): Suggestion[] {
  const texts = new Map(paragraphs.map((p) => [p.id, p.text]));
  return dedupe(groupAdjacent(dedupe(list), texts));
}
