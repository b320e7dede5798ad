/**
 * Plain text and Markdown: one paragraph per line (a Markdown heading line `# …` is a
 * heading). Line endings are kept as they were (\n or \r\n) when the file is written back;
 * tracked and comment modes have no in-file form here, so edits are applied directly in
 * tracked/direct mode and notes come back as a 교정 내역 list.
 */
import { DocumentError } from './errors';
import { applyToText, planEdits, reportLine, skip } from './edits';
import type { ApplyOptions, ApplyResult, DocumentEdit, DocumentNote, DocumentParagraph, OpenedDocument } from './types';

export function openText(bytes: Uint8Array, format: 'txt' | 'md'): OpenedDocument {
  let raw: string;
  try {
    raw = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    throw new DocumentError('FILE_CORRUPT', '텍스트 파일이 UTF-8이 아닙니다. / The text file is not UTF-8.');
  }
  const bom = raw.startsWith('\uFEFF') ? '\uFEFF' : '';
  const body = raw.slice(bom.length);
  const eol = body.includes('\r\n') ? '\r\n' : '\n';
  const lines = body.split(/\r?\n/);
  const paragraphs: DocumentParagraph[] = lines.map((line, i) => ({
    id: `l${i}`,
    text: line.normalize('NFC'),
    kind: format === 'md' && /^#{1,6}\s/.test(line) ? 'heading' : 'body',
    location: { line: i + 1 },
  }));
  const readOnly = new Set(lines.map((l, i) => (l.normalize('NFC') !== l ? `l${i}` : '')).filter(Boolean));

  const apply = async (edits: readonly DocumentEdit[], notes: readonly DocumentNote[], options: ApplyOptions): Promise<ApplyResult> => {
    const byId = new Map(paragraphs.map((p) => [p.id, p]));
    const notesReport = [
      ...notes.map((n) => reportLine(byId.get(n.paragraphId), n)),
      ...(options.mode === 'comment' ? edits.map((e) => reportLine(byId.get(e.paragraphId), e)) : []),
    ];
    if (options.mode === 'comment') return { bytes: new Uint8Array(bytes), applied: 0, skipped: [], notesWritten: 0, notesReport };
    const plan = planEdits(paragraphs, edits);
    const skipped = [...plan.skipped];
    let applied = 0;
    const out = lines.slice();
    for (const [id, list] of plan.byParagraph) {
      if (readOnly.has(id)) {
        skipped.push(...list.map((e) => skip(e, 'paragraph text is not NFC in the file')));
        continue;
      }
      const i = Number(id.slice(1));
      out[i] = applyToText(paragraphs[i]!.text, list);
      applied += list.length;
    }
    return { bytes: new TextEncoder().encode(bom + out.join(eol)), applied, skipped, notesWritten: 0, notesReport };
  };
  return { format, paragraphs, apply };
}
