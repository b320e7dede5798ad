/**
 * In-memory Word document used by the fake Office.js object model. Plain data
 * + mutation helpers; the proxy layer (./office.ts) queues calls and applies
 * them to this model at context.sync() time, like Word does.
 */

export interface Run {
  text: string;
  bold: boolean;
  italic: boolean;
  /** A tracked revision ('del' text is still in the document, shown struck through). */
  rev?: 'ins' | 'del';
}

export interface ParaData {
  id: string;
  runs: Run[];
  /** Word.BuiltInStyleName value, e.g. 'Normal', 'Heading1', 'ListParagraph'. */
  styleBuiltIn: string;
  list: { listId: number; level: number } | null;
}

export interface Pos {
  para: string;
  off: number;
}

/** A live range in the document; adjusted in place as the text changes (like Word ranges). */
export interface Span {
  start: Pos;
  end: Pos;
}

export interface CommentData {
  text: string;
  paraId: string;
  start: number;
  end: number;
  /** Document text the comment is anchored to, at insertion time. */
  anchoredText: string;
}

export interface Revision {
  type: 'insert' | 'delete';
  text: string;
  paraId: string;
  /** Tracking mode active when recorded. */
  mode: string;
}

export interface ListData {
  id: number;
  levelTypes: Map<number, 'Bullet' | 'Number'>;
}

export class FakeWordError extends Error {
  override name = 'RichApi.Error';
  constructor(
    public readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export const STYLE_NAMES: Record<string, string> = {
  Normal: 'Normal',
  Heading1: 'Heading 1',
  Heading2: 'Heading 2',
  Heading3: 'Heading 3',
  ListParagraph: 'List Paragraph',
};

let idCounter = 0;
function newId(): string {
  idCounter++;
  const hex = idCounter.toString(16).padStart(12, '0');
  return `0000${hex.slice(0, 4)}-0000-4000-8000-${hex}`;
}

export function runsText(runs: Run[]): string {
  return runs.map((r) => r.text).join('');
}

function normalizeRuns(runs: Run[]): Run[] {
  const out: Run[] = [];
  for (const r of runs) {
    if (!r.text) continue;
    const prev = out[out.length - 1];
    if (prev && prev.bold === r.bold && prev.italic === r.italic && prev.rev === r.rev) prev.text += r.text;
    else out.push({ ...r });
  }
  return out;
}

/** Splits runs so that `pos` falls on a run boundary; returns the index of the run starting at pos. */
function splitAt(runs: Run[], pos: number): number {
  let acc = 0;
  for (let i = 0; i < runs.length; i++) {
    const r = runs[i]!;
    if (acc === pos) return i;
    if (pos < acc + r.text.length) {
      const cut = pos - acc;
      runs.splice(i, 1, { ...r, text: r.text.slice(0, cut) }, { ...r, text: r.text.slice(cut) });
      return i + 1;
    }
    acc += r.text.length;
  }
  return runs.length;
}

function formatAt(runs: Run[], pos: number): { bold: boolean; italic: boolean } {
  let acc = 0;
  let last: Run | undefined;
  for (const r of runs) {
    if (pos > acc && pos <= acc + r.text.length) return { bold: r.bold, italic: r.italic };
    if (pos === 0 && r.text.length > 0) return { bold: r.bold, italic: r.italic };
    acc += r.text.length;
    last = r;
  }
  return last ? { bold: last.bold, italic: last.italic } : { bold: false, italic: false };
}

export class FakeDocumentModel {
  paragraphs: ParaData[] = [];
  comments: CommentData[] = [];
  revisions: Revision[] = [];
  changeTrackingMode: 'Off' | 'TrackAll' | 'TrackMineOnly' = 'Off';
  lists = new Map<number, ListData>();
  private nextListId = 1;
  readonly live = new Set<Span>();
  selection: Span;
  /** Paragraph ids changed since the last flush (drives change events). */
  changed = new Set<string>();
  selectionMoved = false;
  /** Tracked deletions stay in the runs (rev 'del') instead of being removed. */
  keepTrackedDeletions = false;

  constructor(texts: string[] = ['']) {
    for (const t of texts.length ? texts : ['']) this.paragraphs.push(this.makePara(t));
    const first = this.paragraphs[0]!.id;
    this.selection = this.track({ start: { para: first, off: 0 }, end: { para: first, off: 0 } });
  }

  makePara(text: string, style = 'Normal'): ParaData {
    return { id: newId(), runs: text ? [{ text, bold: false, italic: false }] : [], styleBuiltIn: style, list: null };
  }

  track(span: Span): Span {
    this.live.add(span);
    return span;
  }

  index(id: string): number {
    const i = this.paragraphs.findIndex((p) => p.id === id);
    if (i < 0) throw new FakeWordError('ItemNotFound', `paragraph ${id} is no longer in the document`);
    return i;
  }

  para(id: string): ParaData {
    return this.paragraphs[this.index(id)]!;
  }

  text(id: string): string {
    return runsText(this.para(id).runs);
  }

  /** Paragraph ids covered by the span, in order. */
  spanParas(span: Span): string[] {
    const a = this.index(span.start.para);
    const b = this.index(span.end.para);
    return this.paragraphs.slice(a, b + 1).map((p) => p.id);
  }

  /**
   * Text of the span; paragraphs joined with '\r' like Word's Range.text.
   * Tracked-deleted text is left out unless `includeDeleted`.
   */
  spanText(span: Span, includeDeleted = false): string {
    return this.spanFiltered(span, (r) => includeDeleted || r.rev !== 'del');
  }

  /** getReviewedText: 'Current' leaves deletions out, 'Original' leaves insertions out. */
  reviewedText(span: Span, version: 'Current' | 'Original'): string {
    return this.spanFiltered(span, (r) => (version === 'Current' ? r.rev !== 'del' : r.rev !== 'ins'));
  }

  private spanFiltered(span: Span, keep: (r: Run) => boolean): string {
    const ids = this.spanParas(span);
    return ids
      .map((id, i) => {
        const t = this.text(id);
        const s = i === 0 ? span.start.off : 0;
        const e = i === ids.length - 1 ? span.end.off : t.length;
        let acc = 0;
        let out = '';
        for (const r of this.para(id).runs) {
          const rs = acc;
          acc += r.text.length;
          if (!keep(r)) continue;
          out += r.text.slice(Math.max(0, s - rs), Math.max(0, Math.min(r.text.length, e - rs)));
        }
        return out;
      })
      .join('\r');
  }

  /** The paragraph's text without tracked deletions (what the reader sees as current). */
  visibleText(id: string): string {
    return this.visibleMap(id).visible;
  }

  /** Visible text and, for each visible character (and the end), its offset in the full text. */
  visibleMap(id: string): { visible: string; toFull: number[] } {
    let visible = '';
    const toFull: number[] = [];
    let acc = 0;
    for (const r of this.para(id).runs) {
      if (r.rev !== 'del') {
        visible += r.text;
        for (let k = 0; k < r.text.length; k++) toFull.push(acc + k);
      }
      acc += r.text.length;
    }
    toFull.push(acc);
    return { visible, toFull };
  }

  wholePara(id: string): Span {
    return { start: { para: id, off: 0 }, end: { para: id, off: this.text(id).length } };
  }

  selectSpan(span: Span): void {
    this.selection.start = { ...span.start };
    this.selection.end = { ...span.end };
    this.selectionMoved = true;
  }

  /**
   * Replaces the span's text with `text` (no paragraph marks). Returns the new
   * span covering the inserted text. Records revisions when tracking is on.
   */
  replace(span: Span, text: string, fmt?: { bold: boolean; italic: boolean }): Span {
    if (/[\r\n]/.test(text)) {
      throw new Error('fake-word: insertText with paragraph breaks is not modelled');
    }
    if (
      this.keepTrackedDeletions &&
      this.changeTrackingMode !== 'Off' &&
      span.start.para === span.end.para &&
      span.start.off < span.end.off
    ) {
      return this.trackedReplace(span, text);
    }
    const ids = this.spanParas(span);
    const first = this.para(ids[0]!);
    const a = span.start.off;
    const old = this.spanText(span);
    const inherit = fmt ?? formatAt(first.runs, a);
    // cut first paragraph
    const firstRuns = first.runs.map((r) => ({ ...r }));
    const i0 = splitAt(firstRuns, a);
    let tail: Run[] = [];
    if (ids.length === 1) {
      const i1 = splitAt(firstRuns, span.end.off);
      tail = firstRuns.slice(i1);
    } else {
      const last = this.para(ids[ids.length - 1]!);
      const lr = last.runs.map((r) => ({ ...r }));
      tail = lr.slice(splitAt(lr, span.end.off));
    }
    first.runs = normalizeRuns([...firstRuns.slice(0, i0), { text, ...inherit }, ...tail]);
    const removed = ids.slice(1);
    // adjust live spans
    const endOld = span.end.off;
    const lastId = ids[ids.length - 1]!;
    const newEnd = a + text.length;
    const adjust = (p: Pos, isEnd: boolean): void => {
      if (p.para === first.id && ids.length === 1) {
        if (a === endOld) {
          // pure insertion: positions after shift; a start at the point shifts, an end stays
          if (p.off > a || (p.off === a && !isEnd)) p.off += text.length;
        } else if (p.off >= endOld) p.off += text.length - (endOld - a);
        else if (p.off > a) p.off = isEnd ? newEnd : a;
      } else if (p.para === first.id) {
        if (p.off > a) p.off = isEnd ? newEnd : a;
      } else if (p.para === lastId && ids.length > 1) {
        p.para = first.id;
        p.off = p.off >= endOld ? newEnd + (p.off - endOld) : isEnd ? newEnd : a;
      } else if (removed.includes(p.para)) {
        p.para = first.id;
        p.off = isEnd ? newEnd : a;
      }
    };
    for (const s of this.live) {
      if (s === span) continue;
      adjust(s.start, false);
      adjust(s.end, true);
    }
    this.paragraphs = this.paragraphs.filter((p) => !removed.includes(p.id));
    if (this.changeTrackingMode !== 'Off') {
      if (old) this.revisions.push({ type: 'delete', text: old, paraId: first.id, mode: this.changeTrackingMode });
      if (text) this.revisions.push({ type: 'insert', text, paraId: first.id, mode: this.changeTrackingMode });
    }
    this.changed.add(first.id);
    const out = this.track({ start: { para: first.id, off: a }, end: { para: first.id, off: newEnd } });
    span.start = { para: first.id, off: a };
    span.end = { para: first.id, off: newEnd };
    return out;
  }

  /**
   * Tracked replace that keeps the deleted text: the span's runs become 'del'
   * and the new text is inserted after them as 'ins' (how Word shows it).
   */
  private trackedReplace(span: Span, text: string): Span {
    const p = this.para(span.start.para);
    const runs = p.runs.map((r) => ({ ...r }));
    const i0 = splitAt(runs, span.start.off);
    const i1 = splitAt(runs, span.end.off);
    const old = runs
      .slice(i0, i1)
      .filter((r) => r.rev !== 'del')
      .map((r) => r.text)
      .join('');
    // deleting one's own tracked insertion removes it outright; everything else is marked
    const kept = runs
      .slice(i0, i1)
      .filter((r) => r.rev !== 'ins')
      .map((r) => ({ ...r, rev: 'del' as const }));
    const removedLen = runs
      .slice(i0, i1)
      .filter((r) => r.rev === 'ins')
      .reduce((n, r) => n + r.text.length, 0);
    const fmt = formatAt(p.runs, span.start.off);
    p.runs = normalizeRuns([...runs.slice(0, i0), ...kept, { text, ...fmt, rev: 'ins' }, ...runs.slice(i1)]);
    const at = span.end.off - removedLen;
    const delta = text.length - removedLen;
    for (const s of this.live) {
      if (s === span) continue;
      for (const [pos, isEnd] of [
        [s.start, false],
        [s.end, true],
      ] as const) {
        if (pos.para !== p.id) continue;
        if (pos.off > span.end.off || (pos.off === span.end.off && !isEnd)) pos.off += delta;
        else if (pos.off > at) pos.off = at;
      }
    }
    if (old) this.revisions.push({ type: 'delete', text: old, paraId: p.id, mode: this.changeTrackingMode });
    if (text) this.revisions.push({ type: 'insert', text, paraId: p.id, mode: this.changeTrackingMode });
    this.changed.add(p.id);
    span.start = { para: p.id, off: at };
    span.end = { para: p.id, off: at + text.length };
    return this.track({ start: { para: p.id, off: at }, end: { para: p.id, off: at + text.length } });
  }

  setFont(span: Span, prop: 'bold' | 'italic', value: boolean): void {
    const ids = this.spanParas(span);
    ids.forEach((id, i) => {
      const p = this.para(id);
      const t = runsText(p.runs);
      const s = i === 0 ? span.start.off : 0;
      const e = i === ids.length - 1 ? span.end.off : t.length;
      const runs = p.runs.map((r) => ({ ...r }));
      const i0 = splitAt(runs, s);
      const i1 = splitAt(runs, e);
      for (let k = i0; k < i1; k++) runs[k]![prop] = value;
      p.runs = normalizeRuns(runs);
      this.changed.add(id);
    });
  }

  fontOf(span: Span, prop: 'bold' | 'italic'): boolean | null {
    const vals = new Set<boolean>();
    for (const [i, id] of this.spanParas(span).entries()) {
      const p = this.para(id);
      const ids = this.spanParas(span);
      const t = runsText(p.runs);
      const s = i === 0 ? span.start.off : 0;
      const e = i === ids.length - 1 ? span.end.off : t.length;
      let acc = 0;
      for (const r of p.runs) {
        const rs = acc;
        const re = acc + r.text.length;
        if (re > s && rs < e) vals.add(r[prop]);
        acc = re;
      }
      if (s === e) vals.add(formatAt(p.runs, s)[prop]);
    }
    return vals.size === 1 ? [...vals][0]! : null;
  }

  /** Inserts a paragraph next to `refId`; it inherits the neighbour's style and list (like pressing Enter). */
  insertParagraph(refId: string, where: 'Before' | 'After', text: string): string {
    const ref = this.para(refId);
    const p = this.makePara(text, ref.styleBuiltIn);
    p.list = ref.list ? { ...ref.list } : null;
    const i = this.index(refId);
    this.paragraphs.splice(where === 'Before' ? i : i + 1, 0, p);
    this.changed.add(p.id);
    if (this.changeTrackingMode !== 'Off' && text) {
      this.revisions.push({ type: 'insert', text, paraId: p.id, mode: this.changeTrackingMode });
    }
    return p.id;
  }

  deleteParagraph(id: string): void {
    const i = this.index(id);
    if (this.paragraphs.length === 1) {
      this.paragraphs[0]!.runs = [];
    } else {
      this.paragraphs.splice(i, 1);
      const fallback = this.paragraphs[Math.min(i, this.paragraphs.length - 1)]!.id;
      for (const s of this.live) {
        for (const p of [s.start, s.end]) if (p.para === id) Object.assign(p, { para: fallback, off: 0 });
      }
    }
    this.changed.add(id);
  }

  newList(): ListData {
    const l: ListData = { id: this.nextListId++, levelTypes: new Map() };
    this.lists.set(l.id, l);
    return l;
  }

  listParas(listId: number): string[] {
    return this.paragraphs.filter((p) => p.list?.listId === listId).map((p) => p.id);
  }

  // ---- helpers for tests

  /** What the reader sees: tracked deletions left out. */
  texts(): string[] {
    return this.paragraphs.map((p) => this.visibleText(p.id));
  }

  /** Full paragraph texts, tracked deletions included. */
  fullTexts(): string[] {
    return this.paragraphs.map((p) => runsText(p.runs));
  }

  /** Simulates the user typing: replaces paragraph i's text (marks it changed). */
  userSetText(i: number, text: string): void {
    const p = this.paragraphs[i]!;
    this.replace(this.wholePara(p.id), text);
  }
}
