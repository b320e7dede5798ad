/**
 * Opening a file: the format from its name, confirmed by its first bytes, then the format's
 * module (hwpx.ts, hwp.ts, docx.ts, text.ts) behind the one OpenedDocument interface.
 */
import { extname } from 'node:path';
import { DocumentError } from './errors';
import { openDocx } from './docx';
import { openHwp } from './hwp';
import { openHwpx } from './hwpx';
import { openText } from './text';
import { DOCUMENT_FORMATS, type DocumentFormat, type OpenedDocument } from './types';
import { entryText, isZip, readZip } from './zip';

export { DocumentError } from './errors';
export * from './types';

/** Default largest file the relay and CLIs open (bytes). */
export const DEFAULT_MAX_DOCUMENT_BYTES = 20 * 1024 * 1024;

const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

export function formatOfName(filename: string): DocumentFormat | null {
  const ext = extname(filename).slice(1).toLowerCase();
  return (DOCUMENT_FORMATS as readonly string[]).includes(ext) ? (ext as DocumentFormat) : null;
}

function isOle2(bytes: Uint8Array): boolean {
  return OLE2.every((b, i) => bytes[i] === b);
}

/** Opens `bytes` named `filename`; throws DocumentError for anything it cannot read. */
export async function openDocument(bytes: Uint8Array, filename: string, maxBytes = DEFAULT_MAX_DOCUMENT_BYTES): Promise<OpenedDocument> {
  try {
    return await openByFormat(bytes, filename, maxBytes);
  } catch (e) {
    // Whatever a damaged file makes a parser throw is reported as a damaged file.
    if (e instanceof DocumentError) throw e;
    throw new DocumentError('FILE_CORRUPT');
  }
}

async function openByFormat(bytes: Uint8Array, filename: string, maxBytes: number): Promise<OpenedDocument> {
  const format = formatOfName(filename);
  if (!format) throw new DocumentError('UNSUPPORTED_FORMAT');
  if (bytes.length > maxBytes) throw new DocumentError('FILE_TOO_LARGE');
  if (bytes.length === 0) throw new DocumentError('FILE_CORRUPT');
  switch (format) {
    case 'hwpx':
      // An OLE2 file named .hwpx is an HWP 5.x file renamed.
      if (!isZip(bytes)) throw new DocumentError(isOle2(bytes) ? 'UNSUPPORTED_FORMAT' : 'FILE_CORRUPT');
      assertZipKind(bytes, 'hwpx');
      return openHwpx(bytes);
    case 'docx':
      // An encrypted Office file is an OLE2 container whatever its extension (MS-OFFCRYPTO §2.3.4).
      if (isOle2(bytes)) throw new DocumentError('FILE_ENCRYPTED');
      if (!isZip(bytes)) throw new DocumentError('FILE_CORRUPT');
      assertZipKind(bytes, 'docx');
      return openDocx(bytes);
    case 'hwp':
      if (isZip(bytes))
        throw new DocumentError('UNSUPPORTED_FORMAT', '이 파일은 .hwp가 아니라 HWPX/ZIP입니다. / This file is HWPX/ZIP, not .hwp.');
      if (!isOle2(bytes)) throw new DocumentError(isHwp3(bytes) ? 'UNSUPPORTED_FORMAT' : 'FILE_CORRUPT');
      return openHwp(bytes);
    case 'txt':
    case 'md':
      if (isZip(bytes) || isOle2(bytes) || bytes.includes(0)) throw new DocumentError('UNSUPPORTED_FORMAT');
      return openText(bytes, format);
  }
}

function isHwp3(bytes: Uint8Array): boolean {
  return new TextDecoder('latin1').decode(bytes.subarray(0, 17)) === 'HWP Document File';
}

/** A ZIP named .hwpx must be HWPX, one named .docx must be WordprocessingML. */
function assertZipKind(bytes: Uint8Array, format: 'hwpx' | 'docx'): void {
  const zip = readZip(bytes);
  const names = new Set(zip.entries.map((e) => e.name));
  if (format === 'hwpx' && !names.has('Contents/header.xml') && names.has('word/document.xml'))
    throw new DocumentError('UNSUPPORTED_FORMAT');
  if (format === 'docx' && !names.has('word/document.xml')) {
    if (names.has('Contents/header.xml') || entryText(zip, 'mimetype')?.includes('hwp')) throw new DocumentError('UNSUPPORTED_FORMAT');
    throw new DocumentError('FILE_CORRUPT');
  }
}

/** The output name: the original name + suffix, same extension ("보고서.hwpx" → "보고서-교정.hwpx"). */
export function outputName(filename: string, suffix = '-교정'): string {
  const ext = extname(filename);
  return `${filename.slice(0, filename.length - ext.length)}${suffix}${ext}`;
}
