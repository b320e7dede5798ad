/** Format routing (name + first bytes), text files, and HWP's refusals. */
import { DocumentError, openDocument, outputName } from '../../../../server/documents';
import { readHwpx, textOf, withEntry } from '../../../helpers/documents';

const enc = (s: string) => new TextEncoder().encode(s);
const code = async (p: Promise<unknown>) =>
  p.then(
    () => 'opened',
    (e: unknown) => (e instanceof DocumentError ? e.code : `not a DocumentError: ${String(e)}`),
  );
const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

it('refuses what it cannot read with a DocumentError code, never another exception', async () => {
  expect(await code(openDocument(enc('hello'), 'a.pdf'))).toBe('UNSUPPORTED_FORMAT');
  expect(await code(openDocument(readHwpx('sample1.hwpx'), 'a.hwp'))).toBe('UNSUPPORTED_FORMAT');
  expect(await code(openDocument(readHwpx('sample1.hwpx'), 'a.txt'))).toBe('UNSUPPORTED_FORMAT');
  expect(await code(openDocument(new Uint8Array([...OLE2, ...new Array(600).fill(7)]), 'a.hwp'))).toBe('FILE_CORRUPT');
  expect(await code(openDocument(new Uint8Array([...OLE2, 0, 0]), 'a.hwpx'))).toBe('UNSUPPORTED_FORMAT');
  expect(await code(openDocument(new Uint8Array([...OLE2, 0, 0]), 'a.docx'))).toBe('FILE_ENCRYPTED');
  expect(await code(openDocument(enc('HWP Document File V3.00'), 'a.hwp'))).toBe('UNSUPPORTED_FORMAT');
  expect(await code(openDocument(new Uint8Array([0xff, 0xfe, 0x41]), 'a.txt'))).toBe('FILE_CORRUPT');
  expect(await code(openDocument(readHwpx('sample1.hwpx'), 'a.hwpx', 1000))).toBe('FILE_TOO_LARGE');
  // 한글's password-protected HWPX: ODF-style <encryption-data> in META-INF/manifest.xml (as kordoc detects it).
  const sample = readHwpx('sample1.hwpx');
  const manifest = textOf(sample, 'META-INF/manifest.xml');
  const entry =
    '<odf:file-entry odf:full-path="Contents/section0.xml"><odf:encryption-data odf:checksum-type="sha256-1k"/></odf:file-entry>';
  const encrypted = withEntry(sample, 'META-INF/manifest.xml', manifest.replace(/\/>\s*$/, `>${entry}</odf:manifest>`));
  expect(textOf(encrypted, 'META-INF/manifest.xml')).toContain('encryption-data');
  expect(await code(openDocument(encrypted, 'a.hwpx'))).toBe('FILE_ENCRYPTED');
});

it('text: one paragraph per line, line endings and other lines kept byte for byte, NFC text', async () => {
  const nfd = '가'.normalize('NFD');
  const bytes = enc(`\uFEFF# 제목 입니다\r\n몇일 뒤\r\n${nfd}나\r\n`);
  const doc = await openDocument(bytes, '메모.md');
  expect(doc.paragraphs.map((p) => [p.id, p.text, p.kind])).toEqual([
    ['l0', '# 제목 입니다', 'heading'],
    ['l1', '몇일 뒤', 'body'],
    ['l2', '가나', 'body'],
    ['l3', '', 'body'],
  ]);
  const result = await doc.apply(
    [
      { paragraphId: 'l1', start: 0, end: 2, replacement: '며칠' },
      { paragraphId: 'l2', start: 0, end: 1, replacement: '다' }, // this line is NFD in the file: offsets would not match
    ],
    [{ paragraphId: 'l0', start: 2, end: 4, message: '띄어쓰기 확인' }],
    { mode: 'tracked', author: '쓰기', date: '2026-11-30T00:00:00Z' },
  );
  expect(new TextDecoder('utf-8', { ignoreBOM: true }).decode(result.bytes)).toBe(`\uFEFF# 제목 입니다\r\n며칠 뒤\r\n${nfd}나\r\n`);
  expect(result.applied).toBe(1);
  expect(result.skipped).toEqual([{ paragraphId: 'l2', start: 0, end: 1, reason: 'paragraph text is not NFC in the file' }]);
  expect(result.notesReport).toEqual(['[l0 2-4] "제목" — 띄어쓰기 확인']);
});

it('output names keep the extension', () => {
  expect(outputName('보고서.hwpx')).toBe('보고서-교정.hwpx');
  expect(outputName('a.b.docx')).toBe('a.b-교정.docx');
});
