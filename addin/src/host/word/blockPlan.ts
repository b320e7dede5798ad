/**
 * Pure: flattens `Block[]` into the Word paragraphs to insert. WordHost turns
 * each planned paragraph into `insertParagraph` + styleBuiltIn / list calls and
 * each run into `insertText(..., 'End')` with font.bold/italic — so no Markdown
 * markers ('**', '#', '- ') ever reach the document as text.
 */
import type { Block, InlineRun } from '../../core/blocks';

export type PlannedStyle = 'Normal' | 'Heading1' | 'Heading2' | 'Heading3';

export interface PlannedParagraph {
  style: PlannedStyle;
  runs: InlineRun[];
  /** Set for list items. `first` starts a new Word list (startNewList). */
  list?: { ordered: boolean; level: number; first: boolean; ordinal: number };
}

const HEADING: Record<1 | 2 | 3, PlannedStyle> = { 1: 'Heading1', 2: 'Heading2', 3: 'Heading3' };

/** Drops empty runs and merges neighbours with the same formatting. */
export function cleanRuns(runs: InlineRun[]): InlineRun[] {
  const out: InlineRun[] = [];
  for (const r of runs) {
    if (!r.text) continue;
    const text = r.text.replace(/[\r\n]+/g, ' ');
    const prev = out[out.length - 1];
    if (prev && !!prev.bold === !!r.bold && !!prev.italic === !!r.italic) prev.text += text;
    else out.push({ text, ...(r.bold ? { bold: true } : {}), ...(r.italic ? { italic: true } : {}) });
  }
  return out;
}

export function planBlocks(blocks: Block[]): PlannedParagraph[] {
  const out: PlannedParagraph[] = [];
  for (const b of blocks) {
    if (b.kind === 'heading') out.push({ style: HEADING[b.level], runs: cleanRuns(b.runs) });
    else if (b.kind === 'paragraph') out.push({ style: 'Normal', runs: cleanRuns(b.runs) });
    else {
      b.items.forEach((item, i) => {
        out.push({
          style: 'Normal',
          runs: cleanRuns(item.runs),
          list: { ordered: b.ordered, level: Math.max(0, Math.min(8, item.level)), first: i === 0, ordinal: i + 1 },
        });
      });
    }
  }
  return out;
}

/** Text prefix used when the client has no list API (WordApi 1.3). */
export function listFallbackPrefix(list: NonNullable<PlannedParagraph['list']>): string {
  return `${'\u00a0\u00a0'.repeat(list.level)}${list.ordered ? `${list.ordinal}.` : '•'} `;
}
