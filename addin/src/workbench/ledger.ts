/**
 * What the user accepted in an opened file, kept against the text the relay parsed.
 *
 * The pane computes suggestions on a paragraph's *current* text (the parsed text with
 * the edits already accepted), but the relay's apply route wants offsets into the
 * *parsed* text. The ledger keeps every accepted edit in parsed-text offsets and maps a
 * new span from current-text offsets back; a span that touches text an earlier edit
 * inserted cannot be expressed against the file and is refused (the card goes stale).
 * Pure logic, no DOM.
 */
import type { FileEdit, FileNote } from './api';

export interface LedgerEdit {
  suggestionId: string;
  /** UTF-16 offsets into the parsed text. */
  start: number;
  end: number;
  replacement: string;
  message: string;
  /** How the edit is shown in the workbench's view until saved. */
  shownAs: 'tracked' | 'direct';
}

export interface LedgerNote {
  suggestionId: string;
  start: number;
  end: number;
  message: string;
}

export interface LedgerParagraph {
  id: string;
  parsed: string;
  /** Sorted by start, never overlapping. */
  edits: LedgerEdit[];
  notes: LedgerNote[];
}

/** A piece of a paragraph for display: unchanged text, deleted parsed text, inserted text, or noted text. */
export interface Segment {
  /** 'new': text of a direct edit (shown without its deletion). */
  kind: 'same' | 'del' | 'ins' | 'new' | 'note';
  text: string;
  title?: string;
}

export class EditLedger {
  readonly paragraphs: LedgerParagraph[];

  constructor(parsed: Array<{ id: string; text: string }>) {
    this.paragraphs = parsed.map((p) => ({ id: p.id, parsed: p.text, edits: [], notes: [] }));
  }

  /** The paragraph's text with its accepted edits applied. */
  currentText(index: number): string {
    const p = this.paragraphs[index];
    if (!p) return '';
    let out = '';
    let pos = 0;
    for (const e of p.edits) {
      out += p.parsed.slice(pos, e.start) + e.replacement;
      pos = e.end;
    }
    return out + p.parsed.slice(pos);
  }

  /**
   * Maps [start, end) of the current text to the parsed text, or null when the span
   * overlaps (or, being empty, touches) text inserted by an accepted edit.
   */
  toParsed(index: number, start: number, end: number): { start: number; end: number } | null {
    const p = this.paragraphs[index];
    if (!p || start < 0 || end < start) return null;
    let delta = 0; // current offset − parsed offset, before the edit being looked at
    for (const e of p.edits) {
      const cs = e.start + delta;
      const ce = cs + e.replacement.length;
      if (start === end && (start === cs || start === ce)) return null;
      if (end <= cs) break;
      if (start >= ce) {
        delta += e.replacement.length - (e.end - e.start);
        continue;
      }
      return null;
    }
    const mapped = { start: start - delta, end: end - delta };
    return mapped.end <= p.parsed.length ? mapped : null;
  }

  /** Records an edit given in parsed offsets (from toParsed). */
  addEdit(index: number, edit: LedgerEdit): void {
    const p = this.paragraphs[index]!;
    p.edits.push(edit);
    p.edits.sort((a, b) => a.start - b.start);
  }

  addNote(index: number, note: LedgerNote): void {
    this.paragraphs[index]!.notes.push(note);
  }

  get editCount(): number {
    return this.paragraphs.reduce((n, p) => n + p.edits.length, 0);
  }

  get noteCount(): number {
    return this.paragraphs.reduce((n, p) => n + p.notes.length, 0);
  }

  /** The edits and notes in the apply route's form (offsets into the parsed text). */
  toRequest(): { edits: FileEdit[]; notes: FileNote[] } {
    const edits: FileEdit[] = [];
    const notes: FileNote[] = [];
    for (const p of this.paragraphs) {
      for (const e of p.edits)
        edits.push({ paragraphId: p.id, start: e.start, end: e.end, replacement: e.replacement, message: e.message });
      for (const n of p.notes) notes.push({ paragraphId: p.id, start: n.start, end: n.end, message: n.message });
    }
    return { edits, notes };
  }

  /** The paragraph as display segments: tracked edits as deletion + insertion, notes marked. */
  segments(index: number): Segment[] {
    const p = this.paragraphs[index];
    if (!p) return [];
    const out: Segment[] = [];
    const plain = (from: number, to: number) => {
      // Notes over unchanged text are marked; a note overlapping an edit is shown on the edit's side only.
      let pos = from;
      const inRange = p.notes.filter((n) => n.start >= from && n.end <= to && n.end > n.start).sort((a, b) => a.start - b.start);
      for (const n of inRange) {
        if (n.start < pos) continue;
        if (n.start > pos) out.push({ kind: 'same', text: p.parsed.slice(pos, n.start) });
        out.push({ kind: 'note', text: p.parsed.slice(n.start, n.end), title: n.message });
        pos = n.end;
      }
      if (to > pos) out.push({ kind: 'same', text: p.parsed.slice(pos, to) });
    };
    let pos = 0;
    for (const e of p.edits) {
      plain(pos, e.start);
      if (e.shownAs === 'tracked' && e.end > e.start) out.push({ kind: 'del', text: p.parsed.slice(e.start, e.end), title: e.message });
      if (e.replacement) out.push({ kind: e.shownAs === 'tracked' ? 'ins' : 'new', text: e.replacement, title: e.message });
      pos = e.end;
    }
    plain(pos, p.parsed.length);
    return out;
  }
}
