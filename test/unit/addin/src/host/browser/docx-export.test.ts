/**
 * Issue 16 item 5: the standalone editor's content as .docx, with its tracked changes as
 * Word revisions (w:ins / w:del, ECMA-376 §17.13.5) or with them accepted. The file is
 * built by the `docx` library and read back with JSZip.
 */
import * as docx from 'docx';
import JSZip from 'jszip';
import { buildDocument } from '../../../../../../addin/src/host/browser/docx-export';
import type { EditorBlock } from '../../../../../../addin/src/host/browser/tracked';

const BLOCKS: EditorBlock[] = [
  { kind: 'h1', runs: [{ text: '회의 결과' }] },
  {
    kind: 'p',
    runs: [
      { text: '할수', change: 'del' },
      { text: '할 수', change: 'ins' },
      { text: '있는 일이 ' },
      { text: '됬다', change: 'del' },
      { text: '됐다', change: 'ins' },
      { text: '  두 칸', bold: true },
    ],
  },
  { kind: 'li', ordered: true, level: 0, runs: [{ text: '첫째' }] },
];

async function documentXml(tracked: boolean): Promise<string> {
  const buf = await docx.Packer.toBuffer(buildDocument(docx, BLOCKS, { tracked, date: new Date('2026-01-02T03:04:05Z') }));
  const zip = await JSZip.loadAsync(buf);
  return zip.file('word/document.xml')!.async('string');
}

describe('.docx download of the standalone editor', () => {
  it('with tracked changes: deletions as w:del/w:delText, insertions as w:ins', async () => {
    const xml = await documentXml(true);
    expect(xml).toMatch(/<w:del [^>]*w:author="Sseugi"[^>]*>.*?<w:delText[^>]*>할수<\/w:delText>/s);
    expect(xml).toMatch(/<w:ins [^>]*>.*?<w:t[^>]*>할 수<\/w:t>/s);
    expect(xml).toContain('됬다');
    expect(xml).toMatch(/w:pStyle w:val="Heading1"/);
    expect(xml).toMatch(/<w:numPr>/);
  });

  it('with changes accepted: no revisions, no deleted text, spaces kept', async () => {
    const xml = await documentXml(false);
    expect(xml).not.toMatch(/<w:(ins|del)\b/);
    expect(xml).not.toContain('됬다');
    expect(xml).toContain('할 수');
    expect(xml).toMatch(/<w:t xml:space="preserve"> {2}두 칸<\/w:t>/);
  });
});
