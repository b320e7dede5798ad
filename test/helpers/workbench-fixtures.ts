/**
 * Files with known errors for the workbench end-to-end tests, built by the test itself:
 * an HWPX made from a real 한글 file (../shared/data/hwpx/news-article.hwpx) with the
 * text of its first run replaced, and a minimal DOCX (WordprocessingML: the parts Word
 * writes for a text-only document). jszip reads and writes the ZIP containers.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';

export const SHARED_HWPX = path.resolve(__dirname, '../../../shared/data/hwpx');

/** The text the fixtures put in their first paragraph (rules find 할수 → 할 수 and 됬다 → 됐다). */
export const ERROR_TEXT = '할수있는 일이 됬다.';

/** news-article.hwpx with its first `<hp:t>` replaced by `text` (every other entry unchanged). */
export async function hwpxWithText(text: string = ERROR_TEXT): Promise<Buffer> {
  const zip = await JSZip.loadAsync(readFileSync(path.join(SHARED_HWPX, 'news-article.hwpx')));
  const name = 'Contents/section0.xml';
  const xml = await zip.file(name)!.async('string');
  const patched = xml.replace(/<hp:t>[^<]*<\/hp:t>/, `<hp:t>${text}</hp:t>`);
  if (patched === xml) throw new Error('news-article.hwpx: no plain <hp:t> to replace');
  zip.file(name, patched);
  // mimetype stays the first entry, stored uncompressed (OCF rule that 한글 follows).
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', mimeType: 'application/hwp+zip' });
}

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

/** A minimal .docx with one paragraph per entry of `paragraphs`. */
export async function docxWith(paragraphs: string[]): Promise<Buffer> {
  const zip = new JSZip();
  zip.file(
    '[Content_Types].xml',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
      '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
      '<Default Extension="xml" ContentType="application/xml"/>' +
      '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>' +
      '</Types>',
  );
  zip.file(
    '_rels/.rels',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
      '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>' +
      '</Relationships>',
  );
  // Word always writes the document's relationship part (empty here); comments add to it.
  zip.file(
    'word/_rels/document.xml.rels',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>',
  );
  const body = paragraphs.map((p) => `<w:p><w:r><w:t xml:space="preserve">${p}</w:t></w:r></w:p>`).join('');
  zip.file(
    'word/document.xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="${W}"><w:body>${body}<w:sectPr/></w:body></w:document>`,
  );
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

export async function zipEntries(bytes: Buffer): Promise<Map<string, Buffer>> {
  const zip = await JSZip.loadAsync(bytes);
  const out = new Map<string, Buffer>();
  for (const [name, entry] of Object.entries(zip.files)) if (!entry.dir) out.set(name, await entry.async('nodebuffer'));
  return out;
}
