/**
 * The standalone editor's content as a .docx file, with its tracked changes as Word
 * revisions (w:ins / w:del) or with them accepted. Built with the `docx` library, loaded
 * only when the user asks for a download (its own chunk: the pane's first load stays small).
 */
import type * as DocxLib from 'docx';
import type { EditorBlock, EditorRun } from './tracked';

type Docx = typeof DocxLib;

const AUTHOR = 'Sseugi';
const NUMBERED = 'sseugi-numbered';

function runsFor(d: Docx, runs: readonly EditorRun[], tracked: boolean, date: string, ids: { next: number }) {
  const out: Array<DocxLib.TextRun | DocxLib.InsertedTextRun | DocxLib.DeletedTextRun> = [];
  for (const r of runs) {
    const format = { text: r.text, ...(r.bold ? { bold: true } : {}), ...(r.italic ? { italics: true } : {}) };
    if (r.change === 'del') {
      if (tracked) out.push(new d.DeletedTextRun({ ...format, id: ids.next++, author: AUTHOR, date }));
    } else if (r.change === 'ins' && tracked) out.push(new d.InsertedTextRun({ ...format, id: ids.next++, author: AUTHOR, date }));
    else out.push(new d.TextRun(format));
  }
  return out;
}

export function buildDocument(d: Docx, blocks: readonly EditorBlock[], opts: { tracked: boolean; date?: Date }): DocxLib.Document {
  const date = (opts.date ?? new Date()).toISOString().replace(/\.\d{3}Z$/, 'Z');
  const ids = { next: 1 };
  const heading = { h1: d.HeadingLevel.HEADING_1, h2: d.HeadingLevel.HEADING_2, h3: d.HeadingLevel.HEADING_3 } as const;
  const paragraphs = blocks.map((b) => {
    const children = runsFor(d, b.runs, opts.tracked, date, ids);
    const level = Math.min(b.level ?? 0, 8);
    if (b.kind === 'li') {
      return new d.Paragraph(b.ordered ? { children, numbering: { reference: NUMBERED, level } } : { children, bullet: { level } });
    }
    return new d.Paragraph(b.kind === 'p' ? { children } : { children, heading: heading[b.kind] });
  });
  return new d.Document({
    creator: AUTHOR,
    numbering: {
      config: [
        {
          reference: NUMBERED,
          levels: Array.from({ length: 9 }, (_, level) => ({
            level,
            format: d.LevelFormat.DECIMAL,
            text: `%${level + 1}.`,
            alignment: d.AlignmentType.START,
            style: { paragraph: { indent: { left: 720 * (level + 1), hanging: 360 } } },
          })),
        },
      ],
    },
    sections: [{ children: paragraphs }],
  });
}

/** The .docx as a Blob (browser). */
export async function docxBlob(blocks: readonly EditorBlock[], tracked: boolean): Promise<Blob> {
  // (TypeScript sees the dynamic import's ESM typings as distinct from the CJS ones; same library.)
  const d = (await import(/* webpackChunkName: "docx" */ 'docx')) as unknown as Docx;
  return d.Packer.toBlob(buildDocument(d, blocks, { tracked }));
}
