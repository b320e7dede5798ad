/**
 * DOCX write-back on a .docx the test builds itself, and the tracked output opened by a real
 * consumer: LibreOffice (Debian's libreoffice-writer-nogui, headless --convert-to odt), whose
 * ODF output lists each change as a <text:changed-region> with its author and each comment as
 * an <office:annotation>. .ci/run installs LibreOffice; in CI (CI=true) a missing soffice fails.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDocx } from '../../../../server/documents/docx';
import { entryText, readZip } from '../../../../server/documents/zip';
import { kordoc } from '../../../../server/documents/kordoc';
import { buildZip, changedEntries, textOf } from '../../../helpers/documents';

const DATE = '2026-11-30T12:00:00Z';
const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const BOLD = '<w:rPr><w:b/></w:rPr>';

function buildDocx(): Uint8Array {
  const body = [
    '<w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr><w:r><w:t>개요 와 목적</w:t></w:r></w:p>',
    `<w:p><w:r><w:t xml:space="preserve">가나다</w:t></w:r><w:r>${BOLD}<w:t>라마바</w:t></w:r></w:p>`,
    '<w:p><w:r><w:t>앞</w:t><w:tab/><w:t>뒤</w:t></w:r></w:p>',
    '<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/></w:tblPr><w:tblGrid><w:gridCol w:w="4000"/><w:gridCol w:w="4000"/></w:tblGrid><w:tr><w:tc><w:p><w:r><w:t>이름</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>몇일</w:t></w:r></w:p></w:tc></w:tr></w:tbl>',
    '<w:p><w:r><w:t>상기 내용</w:t></w:r></w:p>',
    '<w:sectPr/>',
  ].join('');
  return buildZip({
    '[Content_Types].xml':
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    '_rels/.rels':
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
    'word/_rels/document.xml.rels':
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>',
    'word/document.xml': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document ${W}><w:body>${body}</w:body></w:document>`,
  });
}

const EDITS = [
  { paragraphId: 'p0', start: 2, end: 3, replacement: '' },
  { paragraphId: 'p1', start: 2, end: 4, replacement: '한둘' },
  { paragraphId: 'p2', start: 2, end: 3, replacement: '뒷' },
  { paragraphId: 't0.r0.c1.p0', start: 0, end: 2, replacement: '며칠' },
];
const NOTES = [{ paragraphId: 'p3', start: 0, end: 2, message: '"상기"가 가리키는 대상이 앞에 없습니다.' }];

describe('DOCX', () => {
  const original = buildDocx();

  it('lists body paragraphs, headings and table cells with their places', async () => {
    const doc = await openDocx(original);
    expect(doc.paragraphs).toEqual([
      { id: 'p0', text: '개요 와 목적', kind: 'heading', location: { paragraph: 0 } },
      { id: 'p1', text: '가나다라마바', kind: 'body', location: { paragraph: 1 } },
      { id: 'p2', text: '앞\t뒤', kind: 'body', location: { paragraph: 2 } },
      { id: 't0.r0.c0.p0', text: '이름', kind: 'cell', location: { table: 0, row: 0, col: 0, paragraph: 0 } },
      { id: 't0.r0.c1.p0', text: '몇일', kind: 'cell', location: { table: 0, row: 0, col: 1, paragraph: 0 } },
      { id: 'p3', text: '상기 내용', kind: 'body', location: { paragraph: 3 } },
    ]);
  });

  it('tracked: w:del/w:ins with author and date, run properties kept; comments as w:comment', async () => {
    const doc = await openDocx(original);
    const result = await doc.apply(EDITS, NOTES, { mode: 'tracked', author: '쓰기', date: DATE });
    expect(result).toMatchObject({ applied: 4, skipped: [], notesWritten: 1 });
    const xml = textOf(result.bytes, 'word/document.xml');
    const stamp = 'w:author="쓰기" w:date="2026-11-30T12:00:00Z"';
    const p1 = xml.slice(xml.indexOf('가나'), xml.indexOf('마바') + 20).replace(/w:id="\d+"/g, 'w:id="#"');
    expect(p1).toBe(
      `가나</w:t></w:r><w:del w:id="#" ${stamp}><w:r><w:delText xml:space="preserve">다</w:delText></w:r></w:del>` +
        `<w:del w:id="#" ${stamp}><w:r>${BOLD}<w:delText xml:space="preserve">라</w:delText></w:r></w:del>` +
        `<w:ins w:id="#" ${stamp}><w:r>${BOLD}<w:t xml:space="preserve">한둘</w:t></w:r></w:ins><w:r>${BOLD}<w:t xml:space="preserve">마바</w:t></w:r></w:p>`,
    );
    expect(xml).toContain('<w:tab/>');
    expect(textOf(result.bytes, 'word/comments.xml')).toContain('"상기"가 가리키는 대상이 앞에 없습니다.');
    expect(textOf(result.bytes, '[Content_Types].xml')).toContain('/word/comments.xml');
    expect(textOf(result.bytes, 'word/_rels/document.xml.rels')).toContain('Target="comments.xml"');
    expect(changedEntries(original, result.bytes)).toEqual([
      '[Content_Types].xml',
      'word/_rels/document.xml.rels',
      'word/comments.xml',
      'word/document.xml',
    ]);
    const again = await openDocx(result.bytes);
    expect(again.paragraphs.map((p) => p.text)).toEqual(['개요와 목적', '가나한둘마바', '앞\t뒷', '이름', '며칠', '상기 내용']);
    // Fixing again: the changes are already tracked there, nothing is written twice.
    const second = await again.apply(EDITS.slice(1, 2), [], { mode: 'tracked', author: '쓰기', date: DATE });
    expect(second.applied).toBe(0);
    expect(second.skipped[0]!.reason).toBe('touches an existing tracked change');
  });

  it('direct: text replaced in place, runs and their properties kept, nothing else changes', async () => {
    const doc = await openDocx(original);
    const result = await doc.apply(EDITS, [], { mode: 'direct', author: '쓰기', date: DATE });
    const xml = textOf(result.bytes, 'word/document.xml');
    expect(xml).not.toMatch(/w:ins|w:del/);
    expect(xml).toContain(`<w:r><w:t xml:space="preserve">가나</w:t></w:r><w:r>${BOLD}<w:t xml:space="preserve">한둘마바</w:t></w:r>`);
    expect(changedEntries(original, result.bytes)).toEqual(['word/document.xml']);
    expect((await openDocx(result.bytes)).paragraphs.map((p) => p.text)).toEqual([
      '개요와 목적',
      '가나한둘마바',
      '앞\t뒷',
      '이름',
      '며칠',
      '상기 내용',
    ]);
  });

  it('comment: the text stays, every suggestion and note becomes a Word comment', async () => {
    const doc = await openDocx(original);
    const result = await doc.apply(EDITS, NOTES, { mode: 'comment', author: '쓰기', date: DATE });
    expect(result).toMatchObject({ applied: 0, notesWritten: 5 });
    expect((await openDocx(result.bytes)).paragraphs.map((p) => p.text)).toEqual(doc.paragraphs.map((p) => p.text));
    expect(textOf(result.bytes, 'word/comments.xml')).toContain('"몇일" → "며칠"');
  });

  it('its text is kordoc’s own DOCX extraction', async () => {
    const doc = await openDocx(original);
    const parsed = await kordoc.parseDocx(
      original.buffer.slice(original.byteOffset, original.byteOffset + original.byteLength) as ArrayBuffer,
    );
    expect(parsed.success).toBe(true);
    const theirs = (parsed as { markdown: string }).markdown.replace(/[\s|#-]+/g, '');
    expect(theirs).toBe(
      doc.paragraphs
        .map((p) => p.text)
        .join('')
        .replace(/\s+/g, ''),
    );
  });

  const soffice = spawnSync('sh', ['-c', 'command -v soffice'], { encoding: 'utf8' }).stdout.trim();
  const needLibreOffice = soffice ? it : process.env.CI ? it : it.skip;
  const convert = (dir: string, file: string, to: string) =>
    execFileSync(soffice, [`-env:UserInstallation=file://${dir}/profile`, '--headless', '--convert-to', to, '--outdir', dir, file], {
      timeout: 180_000,
      stdio: 'pipe',
    });

  needLibreOffice(
    'a .docx written by LibreOffice (its own XML: rsids, styles, settings) opens, takes tracked fixes and re-opens in LibreOffice with them',
    async () => {
      expect(soffice).not.toBe('');
      const dir = mkdtempSync(path.join(os.tmpdir(), 'sseugi-lo-'));
      try {
        writeFileSync(path.join(dir, 'made.txt'), '회의는 몇일 뒤에 열립니다.\n두번째 문단 입니다.\n');
        convert(dir, path.join(dir, 'made.txt'), 'docx:MS Word 2007 XML');
        const made = new Uint8Array(readFileSync(path.join(dir, 'made.docx')));
        const doc = await openDocx(made);
        expect(doc.paragraphs.map((p) => p.text).filter(Boolean)).toEqual(['회의는 몇일 뒤에 열립니다.', '두번째 문단 입니다.']);
        const first = doc.paragraphs.find((p) => p.text.startsWith('회의'))!;
        const result = await doc.apply([{ paragraphId: first.id, start: 4, end: 6, replacement: '며칠' }], [], {
          mode: 'tracked',
          author: '쓰기',
          date: DATE,
        });
        expect(result.applied).toBe(1);
        expect(changedEntries(made, result.bytes)).toEqual(['word/document.xml']);
        writeFileSync(path.join(dir, 'fixed.docx'), result.bytes);
        convert(dir, path.join(dir, 'fixed.docx'), 'odt');
        const content = entryText(readZip(new Uint8Array(readFileSync(path.join(dir, 'fixed.odt')))), 'content.xml')!;
        const regions = [...content.matchAll(/<text:changed-region\b[\s\S]*?<\/text:changed-region>/g)].map((m) => m[0]);
        expect(regions).toHaveLength(2);
        expect(regions.some((r) => r.includes('<text:deletion>') && r.includes('몇일'))).toBe(true);
        expect(regions.every((r) => r.includes('<dc:creator>쓰기</dc:creator>'))).toBe(true);
        expect(content).toMatch(/<text:change-start[^>]*\/>(<[^>]+>)*며칠/);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
    240_000,
  );

  needLibreOffice(
    'LibreOffice opens the tracked output and shows each change as tracked, with its author, and the comment',
    async () => {
      expect(soffice).not.toBe(''); // in CI, .ci/run installs libreoffice-writer-nogui
      const doc = await openDocx(original);
      const result = await doc.apply(EDITS, NOTES, { mode: 'tracked', author: '쓰기', date: DATE });
      const dir = mkdtempSync(path.join(os.tmpdir(), 'sseugi-lo-'));
      try {
        writeFileSync(path.join(dir, 'tracked.docx'), result.bytes);
        convert(dir, path.join(dir, 'tracked.docx'), 'odt');
        const content = entryText(readZip(new Uint8Array(readFileSync(path.join(dir, 'tracked.odt')))), 'content.xml')!;
        const regions = [...content.matchAll(/<text:changed-region\b[\s\S]*?<\/text:changed-region>/g)].map((m) => m[0]);
        const kinds = regions.map((r) => (/<text:deletion>/.test(r) ? 'deletion' : /<text:insertion>/.test(r) ? 'insertion' : 'other'));
        // 와 | 다+라 (two w:del, one per run: LibreOffice joins them into one region) | 뒤 | 몇일
        expect(kinds.filter((k) => k === 'deletion')).toHaveLength(4);
        expect(kinds.filter((k) => k === 'insertion')).toHaveLength(3); // 한둘 | 뒷 | 며칠
        expect(regions.find((r) => r.includes('<text:deletion>') && r.includes('다'))).toMatch(/다[\s\S]*라/);
        for (const r of regions) expect(r).toContain('<dc:creator>쓰기</dc:creator>');
        expect(content).toMatch(/<office:annotation\b[\s\S]*?<dc:creator>쓰기<\/dc:creator>[\s\S]*?상기/);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
    240_000,
  );
});
