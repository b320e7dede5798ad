/**
 * Splitting a long document into chunks whose token count fits a budget.
 *
 * Invariants (tested property-based):
 *  - `chunks.join('') === text` exactly: no character lost, duplicated or altered;
 *  - every chunk's `count` is <= budget (provided the budget can hold any single character);
 *  - boundaries are, in order of preference: before a heading (Markdown `#`, Korean statute
 *    structure `제1편/장/절/관/조`, `부칙`), after a blank line, after a line, after a sentence,
 *    and only as a last resort anywhere (never inside a surrogate pair).
 */

export type CountFn = (text: string) => number;

export interface ChunkOptions {
  /** Token budget per chunk (text only; the caller subtracts prompt overhead and output reserve). */
  budget: number;
  count: CountFn;
  /**
   * Balance chunk sizes: aim for total/ceil(total/budget) per chunk instead of filling each
   * chunk to the brim (even chunks summarise evenly and finish together when run in parallel).
   */
  balance?: boolean;
}

const HEADING_RE = /^(?:\s{0,3}#{1,6}\s|\s*제\s*\d+\s*(?:편|장|절|관|조)(?:의\s*\d+)?(?:[\s(（<]|$)|\s*부\s*칙(?:[\s(（<]|$))/;

/** Is the line a structural heading? */
export function isHeadingLine(line: string): boolean {
  return HEADING_RE.test(line);
}

interface Unit {
  text: string;
  /** Starts with a heading line: a preferred place to cut before. */
  heading: boolean;
}

/**
 * Paragraph units: maximal groups of lines, closed after a blank line (the blank lines stay
 * with the paragraph before) and before a heading line. Concatenation equals the input.
 */
export function splitUnits(text: string): Unit[] {
  const lines = text.match(/[^\n]*\n|[^\n]+$/g) ?? [];
  const units: Unit[] = [];
  let cur = '';
  let curHeading = false;
  let sawBlank = false;
  const flush = () => {
    if (cur) units.push({ text: cur, heading: curHeading });
    cur = '';
    curHeading = false;
    sawBlank = false;
  };
  for (const line of lines) {
    const blank = line.trim() === '';
    if (!blank && (sawBlank || isHeadingLine(line))) flush();
    if (!cur) curHeading = !blank && isHeadingLine(line);
    cur += line;
    if (blank) sawBlank = true;
  }
  flush();
  return units;
}

/** Sentence pieces of a paragraph (ending punctuation plus following spaces stay with the sentence). */
function splitSentences(text: string): string[] {
  const parts = text.match(/[^.!?。？！\n]*(?:[.!?。？！]+["'”’)\]]*|\n)\s*|[^.!?。？！\n]+$/g) ?? [text];
  // The regex covers the whole string, but guard anyway.
  return parts.join('') === text ? parts.filter(Boolean) : [text];
}

/** Largest prefix (in code points) of `text` whose count fits `budget`; at least one code point. */
function hardSplit(text: string, budget: number, count: CountFn): string[] {
  const cps = Array.from(text);
  const out: string[] = [];
  let start = 0;
  while (start < cps.length) {
    let lo = start + 1;
    let hi = cps.length;
    // binary search for the largest end with count <= budget
    while (lo < hi) {
      const mid = Math.ceil((lo + hi) / 2);
      if (count(cps.slice(start, mid).join('')) <= budget) lo = mid;
      else hi = mid - 1;
    }
    out.push(cps.slice(start, lo).join(''));
    start = lo;
  }
  return out;
}

/** Pieces of one oversized paragraph, each within budget: sentences packed, else hard cuts. */
function splitOversized(text: string, budget: number, count: CountFn): string[] {
  const pieces: string[] = [];
  for (const s of splitSentences(text)) {
    if (count(s) <= budget) pieces.push(s);
    else pieces.push(...hardSplit(s, budget, count));
  }
  return pack(
    pieces.map((t) => ({ text: t, heading: false })),
    budget,
    budget,
    count,
  );
}

/**
 * Greedy packing of units up to `target` (never above `budget`), preferring to cut before
 * headings. Sizes are summed per unit: `count` is sub-additive (see tokens.ts), so the sum
 * bounds the count of the concatenation, and packing stays linear in the text length.
 */
function pack(units: Unit[], target: number, budget: number, count: CountFn): string[] {
  const limit = Math.min(target, budget);
  const chunks: string[] = [];
  let cur: Array<Unit & { n: number }> = [];
  let curN = 0;
  const take = (k: number) => {
    chunks.push(
      cur
        .slice(0, k)
        .map((u) => u.text)
        .join(''),
    );
    cur = cur.slice(k);
    curN = cur.reduce((a, u) => a + u.n, 0);
  };
  for (const unit of units) {
    const u = { ...unit, n: count(unit.text) };
    if (cur.length && curN + u.n > limit) {
      // Prefer cutting before the last heading that leaves the chunk at least 60 % full.
      let cutAt = cur.length;
      if (!u.heading) {
        let acc = 0;
        for (let i = 0; i < cur.length; i++) {
          if (i > 0 && cur[i]!.heading && acc >= limit * 0.6) cutAt = i;
          acc += cur[i]!.n;
        }
      }
      take(cutAt);
      if (cur.length && curN + u.n > budget) take(cur.length);
    }
    cur.push(u);
    curN += u.n;
  }
  if (cur.length) take(cur.length);
  return chunks;
}

/** Split `text` into chunks within `budget` tokens (see module comment for guarantees). */
export function chunkText(text: string, opts: ChunkOptions): string[] {
  const { budget, count } = opts;
  if (!(budget > 0)) throw new Error('chunkText: budget must be positive');
  if (!text) return [];
  const total = count(text);
  if (total <= budget) return [text];
  const units: Unit[] = [];
  for (const u of splitUnits(text)) {
    if (count(u.text) <= budget) units.push(u);
    else {
      const pieces = splitOversized(u.text, budget, count);
      pieces.forEach((p, i) => units.push({ text: p, heading: i === 0 && u.heading }));
    }
  }
  let target = budget;
  if (opts.balance !== false) {
    const sum = units.reduce((a, u) => a + count(u.text), 0);
    const n = Math.ceil(sum / budget);
    // A little slack so boundary rounding does not spill one extra tiny chunk.
    target = Math.min(budget, Math.ceil((sum / n) * 1.06));
  }
  const chunks = pack(units, target, budget, count);
  return chunks;
}
