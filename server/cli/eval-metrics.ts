/**
 * Evaluation metrics for proofreading (pure). Edits are extracted with a character diff
 * (diff.diffChars) from the source to the system output and from the source to the target;
 * an edit is a (start, end, inserted text) triple in source offsets, and a system edit is
 * correct when the gold edits contain exactly the same triple.
 */
import { diffChars } from 'diff';
import { applyReplacements } from '../proofread/run-rules';
import type { Suggestion } from '../proofread/types';

export interface Edit {
  start: number;
  end: number;
  text: string;
}

export function extractEdits(source: string, output: string): Edit[] {
  const edits: Edit[] = [];
  if (source === output) return edits;
  let pos = 0;
  let cur: Edit | null = null;
  for (const part of diffChars(source, output)) {
    if (part.added) {
      if (!cur) cur = { start: pos, end: pos, text: '' };
      cur.text += part.value;
    } else if (part.removed) {
      if (!cur) cur = { start: pos, end: pos, text: '' };
      pos += part.value.length;
      cur.end = pos;
    } else {
      if (cur) edits.push(cur);
      cur = null;
      pos += part.value.length;
    }
  }
  if (cur) edits.push(cur);
  return edits;
}

export interface TaggedSpan {
  tag: string;
  start: number;
  end: number;
  types: string[];
}

/** Parses `<e1>…</e1>` spans of K-NCT's `tagged` field into source offsets. */
export function parseTagged(tagged: string, errorTypes: Record<string, string>): { text: string; spans: TaggedSpan[] } {
  const spans: TaggedSpan[] = [];
  let text = '';
  const open = new Map<string, number>();
  const re = /<(\/?)(e\d+)>/g;
  let last = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(tagged)) !== null) {
    text += tagged.slice(last, m.index);
    last = m.index + m[0].length;
    const tag = m[2]!;
    if (!m[1]) open.set(tag, text.length);
    else {
      const start = open.get(tag);
      if (start !== undefined) {
        const types = (errorTypes[tag] ?? 'unknown')
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean);
        spans.push({ tag, start, end: text.length, types });
      }
    }
  }
  text += tagged.slice(last);
  return { text, spans };
}

export interface EvalItem {
  id?: number | string;
  source: string;
  target: string;
  tagged?: string;
  error_types?: Record<string, string>;
  /** Kind of error of the sentence (common-errors sets): reported per kind in `byCategory`. */
  category?: string;
}

export interface EvalRecordResult {
  output: string;
  sysEdits: Edit[];
  goldEdits: Edit[];
  tp: number;
  targetAlarms: number;
}

export interface TypeStats {
  gold: number;
  found: number;
  recall: number;
}

export interface EvalSummary {
  sentences: number;
  goldEdits: number;
  systemEdits: number;
  truePositives: number;
  precision: number;
  recall: number;
  f05: number;
  exactMatch: number;
  falseAlarmRate: number;
  byType: Record<string, TypeStats>;
  /** Only when the input items carry a `category`: per category, edit recall and precision. */
  byCategory?: Record<string, CategoryStats>;
}

export interface CategoryStats {
  sentences: number;
  gold: number;
  found: number;
  recall: number;
  systemEdits: number;
  precision: number;
}

const key = (e: Edit) => `${e.start}:${e.end}:${e.text}`;

export function fBeta(p: number, r: number, beta = 0.5): number {
  const b2 = beta * beta;
  return p + r === 0 ? 0 : ((1 + b2) * p * r) / (b2 * p + r);
}

/** Accumulates per-sentence results into the summary metrics. */
export class EvalAccumulator {
  private n = 0;
  private gold = 0;
  private sys = 0;
  private tp = 0;
  private exact = 0;
  private alarms = 0;
  private types = new Map<string, { gold: number; found: number }>();
  private categories = new Map<string, { sentences: number; gold: number; found: number; sys: number }>();

  add(item: EvalItem, sourceSuggestions: readonly Suggestion[], targetSuggestions: readonly Suggestion[]): EvalRecordResult {
    const source = item.source.normalize('NFC');
    const target = item.target.normalize('NFC');
    const output = applyReplacements(source, sourceSuggestions);
    const sysEdits = extractEdits(source, output);
    const goldEdits = extractEdits(source, target);
    const goldKeys = new Set(goldEdits.map(key));
    const sysKeys = new Set(sysEdits.map(key));
    let tp = 0;
    for (const e of sysEdits) if (goldKeys.has(key(e))) tp++;
    this.n++;
    this.gold += goldEdits.length;
    this.sys += sysEdits.length;
    this.tp += tp;
    if (output === target) this.exact++;
    if (targetSuggestions.length > 0) this.alarms++;
    if (item.category) {
      const c = this.categories.get(item.category) ?? { sentences: 0, gold: 0, found: 0, sys: 0 };
      c.sentences++;
      c.gold += goldEdits.length;
      c.found += tp;
      c.sys += sysEdits.length;
      this.categories.set(item.category, c);
    }
    if (item.tagged && item.error_types) {
      const { text, spans } = parseTagged(item.tagged.normalize('NFC'), item.error_types);
      if (text === source) {
        for (const g of goldEdits) {
          const hit = sysKeys.has(key(g));
          const labels = new Set<string>();
          for (const s of spans) {
            const ov = g.start === g.end ? s.start <= g.start && g.start <= s.end : s.start < g.end && g.start < s.end;
            if (ov) for (const t of s.types) labels.add(t);
          }
          if (labels.size === 0) labels.add('unattributed');
          for (const l of labels) {
            const st = this.types.get(l) ?? { gold: 0, found: 0 };
            st.gold++;
            if (hit) st.found++;
            this.types.set(l, st);
          }
        }
      }
    }
    return { output, sysEdits, goldEdits, tp, targetAlarms: targetSuggestions.length };
  }

  summary(): EvalSummary {
    const precision = this.sys === 0 ? 1 : this.tp / this.sys;
    const recall = this.gold === 0 ? 1 : this.tp / this.gold;
    const byType: Record<string, TypeStats> = {};
    for (const [t, s] of [...this.types].sort((a, b) => b[1].gold - a[1].gold)) {
      byType[t] = { gold: s.gold, found: s.found, recall: round(s.gold ? s.found / s.gold : 0) };
    }
    const byCategory: Record<string, CategoryStats> = {};
    for (const [c, s] of [...this.categories].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
      byCategory[c] = {
        sentences: s.sentences,
        gold: s.gold,
        found: s.found,
        recall: round(s.gold ? s.found / s.gold : 0),
        systemEdits: s.sys,
        precision: round(s.sys ? s.found / s.sys : 1),
      };
    }
    return {
      sentences: this.n,
      goldEdits: this.gold,
      systemEdits: this.sys,
      truePositives: this.tp,
      precision: round(precision),
      recall: round(recall),
      f05: round(fBeta(precision, recall)),
      exactMatch: round(this.n ? this.exact / this.n : 0),
      falseAlarmRate: round(this.n ? this.alarms / this.n : 0),
      byType,
      ...(this.categories.size ? { byCategory } : {}),
    };
  }
}

function round(x: number): number {
  return Math.round(x * 10000) / 10000;
}
