/**
 * What the check/fix CLIs read: a text file (one paragraph per line, or stdin '-') or a
 * document (.hwpx, .hwp, .docx) opened through server/documents — then the paragraph list
 * is the extracted one, and each paragraph carries its id and location in the file.
 */
import { readFileSync } from 'node:fs';
import { formatOfName, openDocument, type OpenedDocument } from '../documents';

export interface CheckInput {
  paragraphs: { id: string; text: string }[];
  /** For documents: the opened file (paragraph i of `paragraphs` is document.paragraphs[i]). */
  document?: OpenedDocument;
}

const DOCUMENT_FORMATS = new Set(['hwpx', 'hwp', 'docx']);

export async function readCheckInput(file: string): Promise<CheckInput> {
  const format = file === '-' ? null : formatOfName(file);
  if (format && DOCUMENT_FORMATS.has(format)) {
    const document = await openDocument(new Uint8Array(readFileSync(file)), file);
    return { paragraphs: document.paragraphs.map((p, i) => ({ id: String(i), text: p.text })), document };
  }
  const input = readFileSync(file === '-' ? 0 : file, 'utf8');
  const lines = input.replace(/\r\n?/g, '\n').replace(/\n$/, '').split('\n');
  return { paragraphs: lines.map((text, i) => ({ id: String(i), text: text.normalize('NFC') })) };
}
