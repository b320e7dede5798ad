/**
 * Running engine rules: paragraph rules once per paragraph, document rules once,
 * and turning their RuleMatch results into Suggestions with stable ids.
 * Pure: no I/O. Offsets are UTF-16 offsets into each paragraph's NFC text.
 */
import type { Category, Paragraph, Rule, RuleMatch, Suggestion } from './types';

/** 53-bit string hash (cyrb53), rendered base36. Deterministic across runs and platforms. */
export function shortHash(input: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < input.length; i++) {
    const ch = input.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507);
  h1 ^= Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507);
  h2 ^= Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}

/** Stable suggestion id: hash of paragraphId + span + replacement + rule/source id. */
export function suggestionId(paragraphId: string, start: number, end: number, replacement: string | null, ruleId: string): string {
  return shortHash(`${paragraphId}\u0000${start}\u0000${end}\u0000${replacement ?? '\u0001'}\u0000${ruleId}`);
}

/** Runs one rule over paragraph texts (already NFC). Paragraph rules get every index. */
export function runRule(rule: Rule, paragraphs: readonly string[]): RuleMatch[] {
  const ctx = { paragraphs };
  if (rule.scope === 'document') return rule.check(ctx);
  const out: RuleMatch[] = [];
  for (let i = 0; i < paragraphs.length; i++) {
    const ms = rule.check(ctx, i);
    for (let k = 0; k < ms.length; k++) out.push(ms[k]!);
  }
  return out;
}

function matchToSuggestion(rule: Rule, match: RuleMatch, paragraphs: readonly Paragraph[]): Suggestion | null {
  const p = paragraphs[match.paragraphIndex];
  if (!p) return null;
  if (match.start < 0 || match.end > p.text.length || match.start > match.end) return null;
  const original = p.text.slice(match.start, match.end);
  if (match.replacement !== null && match.replacement === original) return null;
  const msg = match.message ?? rule.message;
  const s: Suggestion = {
    id: suggestionId(p.id, match.start, match.end, match.replacement, rule.id),
    paragraphId: p.id,
    start: match.start,
    end: match.end,
    original,
    replacement: match.replacement,
    category: rule.category,
    message: msg.ko,
    messageEn: msg.en,
    ruleId: rule.id,
    source: 'rule',
    confidence: rule.confidence,
  };
  if (rule.norm) s.rule = rule.norm;
  return s;
}

export interface RunRulesOptions {
  categories?: readonly Category[];
}

/**
 * Runs rules over paragraphs (texts must already be NFC) and returns suggestions
 * ordered by paragraph, then start, then end.
 */
export function runRules(rules: readonly Rule[], paragraphs: readonly Paragraph[], opts: RunRulesOptions = {}): Suggestion[] {
  const texts = paragraphs.map((p) => p.text);
  const cats = opts.categories && opts.categories.length ? new Set(opts.categories) : null;
  const out: Suggestion[] = [];
  for (const rule of rules) {
    if (cats && !cats.has(rule.category)) continue;
    for (const m of runRule(rule, texts)) {
      const s = matchToSuggestion(rule, m, paragraphs);
      if (s) out.push(s);
    }
  }
  return sortSuggestions(out, paragraphs);
}

export function sortSuggestions(list: Suggestion[], paragraphs: readonly Paragraph[]): Suggestion[] {
  const order = new Map<string, number>();
  paragraphs.forEach((p, i) => order.set(p.id, i));
  return list.sort(
    (a, b) =>
      (order.get(a.paragraphId) ?? 0) - (order.get(b.paragraphId) ?? 0) ||
      a.start - b.start ||
      a.end - b.end ||
      (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
}

export interface Replacement {
  start: number;
  end: number;
  replacement: string | null;
}

/**
 * Applies replacements to one text. Null replacements are skipped; a replacement
 * overlapping an earlier (leftmost-first) applied one is skipped too.
 */
export function applyReplacements(text: string, matches: readonly Replacement[]): string {
  const sorted = matches
    .filter((m) => m.replacement !== null)
    .slice()
    .sort((a, b) => a.start - b.start || a.end - b.end);
  let out = '';
  let pos = 0;
  for (const m of sorted) {
    if (m.start < pos) continue;
    out += text.slice(pos, m.start) + m.replacement;
    pos = m.end;
  }
  return out + text.slice(pos);
}

/** Applies rule matches to a document whose lines are paragraphs. */
export function applyToDocument(doc: string, matches: readonly RuleMatch[]): string {
  const lines = doc.split('\n');
  return lines
    .map((line, i) =>
      applyReplacements(
        line,
        matches.filter((m) => m.paragraphIndex === i),
      ),
    )
    .join('\n');
}
