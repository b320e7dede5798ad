/**
 * HWP 5.x (OLE2 binary): paragraphs from kordoc's parser (paragraph and heading blocks, table
 * cells), edits written with kordoc's patchHwp, which replaces only the changed paragraphs'
 * PARA_TEXT records (PARA_HEADER, CHAR_SHAPE and LINE_SEG kept consistent) and leaves every
 * other sector of the container as it was. patchHwp takes an edited Markdown of the whole
 * document: we edit the parsed blocks and render them with kordoc's own blocksToMarkdown,
 * then re-parse the result and count as applied only the paragraphs that now read as intended
 * (patchHwp skips paragraphs holding controls, and we report those as skipped).
 * Tracked changes and 메모 have no writer for HWP 5.x: those modes are refused with
 * HWP_TRACKED_UNSUPPORTED, which suggests saving as HWPX.
 */
import { DocumentError, type DocumentErrorCode } from './errors';
import { applyToText, planEdits, skip } from './edits';
import { kordoc, type IRBlock, type ParseResult } from './kordoc';
import type { ApplyOptions, ApplyResult, DocumentEdit, DocumentNote, DocumentParagraph, OpenedDocument, SkippedEdit } from './types';

const KORDOC_ERRORS: Record<string, DocumentErrorCode> = {
  ENCRYPTED: 'FILE_ENCRYPTED',
  DRM_PROTECTED: 'FILE_DRM',
  DECOMPRESSION_BOMB: 'FILE_TOO_LARGE',
  ZIP_BOMB: 'FILE_TOO_LARGE',
  UNSUPPORTED_FORMAT: 'UNSUPPORTED_FORMAT',
};

export function errorOfParse(result: ParseResult): DocumentError | null {
  if (result.success) return null;
  return new DocumentError(KORDOC_ERRORS[result.code ?? ''] ?? 'FILE_CORRUPT');
}

interface Slot {
  para: DocumentParagraph;
  get(blocks: IRBlock[]): string;
  set(blocks: IRBlock[], text: string): void;
}

function slotsOf(blocks: IRBlock[]): Slot[] {
  const slots: Slot[] = [];
  blocks.forEach((b, i) => {
    if ((b.type === 'paragraph' || b.type === 'heading') && typeof b.text === 'string') {
      slots.push({
        para: { id: `b${i}`, text: b.text.normalize('NFC'), kind: b.type === 'heading' ? 'heading' : 'body', location: { block: i } },
        get: (bs) => bs[i]!.text ?? '',
        set: (bs, t) => {
          bs[i]!.text = t;
          delete bs[i]!.spans;
        },
      });
    } else if (b.type === 'table' && b.table) {
      b.table.cells.forEach((row, r) =>
        row.forEach((cell, c) => {
          if (cell.blocks?.length) return; // nested structure: not written by patchHwp
          slots.push({
            para: { id: `b${i}.r${r}.c${c}`, text: cell.text.normalize('NFC'), kind: 'cell', location: { block: i, row: r, col: c } },
            get: (bs) => bs[i]!.table!.cells[r]![c]!.text,
            set: (bs, t) => {
              bs[i]!.table!.cells[r]![c]!.text = t;
            },
          });
        }),
      );
    }
  });
  return slots;
}

async function parseHwpBytes(bytes: Uint8Array): Promise<IRBlock[]> {
  let result: ParseResult;
  try {
    result = await kordoc.parseHwp(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  } catch {
    throw new DocumentError('FILE_CORRUPT');
  }
  const error = errorOfParse(result);
  if (error) throw error;
  return (result as Extract<ParseResult, { success: true }>).blocks;
}

export async function openHwp(bytes: Uint8Array): Promise<OpenedDocument> {
  const blocks = await parseHwpBytes(bytes);
  const slots = slotsOf(blocks);
  const paragraphs = slots.map((s) => s.para);

  const apply = async (edits: readonly DocumentEdit[], _notes: readonly DocumentNote[], options: ApplyOptions): Promise<ApplyResult> => {
    if (options.mode !== 'direct') throw new DocumentError('HWP_TRACKED_UNSUPPORTED');
    const plan = planEdits(paragraphs, edits);
    const skipped: SkippedEdit[] = [...plan.skipped];
    const edited = structuredClone(blocks);
    const wanted = new Map<string, string>();
    for (const [id, list] of plan.byParagraph) {
      const slot = slots.find((s) => s.para.id === id)!;
      if (slot.get(blocks) !== slot.para.text) {
        skipped.push(...list.map((e) => skip(e, 'paragraph text is not NFC in the file')));
        continue;
      }
      const text = applyToText(slot.para.text, list);
      slot.set(edited, text);
      wanted.set(id, text);
    }
    if (!wanted.size) return { bytes: new Uint8Array(bytes), applied: 0, skipped, notesWritten: 0, notesReport: [] };
    const result = await kordoc.patchHwp(new Uint8Array(bytes), kordoc.blocksToMarkdown(edited), { verify: false });
    const out = result.success && result.data ? result.data : new Uint8Array(bytes);
    const reread = result.success ? slotsOf(await parseHwpBytes(out)) : [];
    let applied = 0;
    for (const [id, text] of wanted) {
      const list = plan.byParagraph.get(id)!;
      const now = reread.find((s) => s.para.id === id)?.para.text;
      if (now === text) applied += list.length;
      else skipped.push(...list.map((e) => skip(e, 'patchHwp could not write this paragraph (it holds controls or objects)')));
    }
    return { bytes: out, applied, skipped, notesWritten: 0, notesReport: [] };
  };
  return { format: 'hwp', paragraphs, apply };
}
