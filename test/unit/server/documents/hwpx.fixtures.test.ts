/**
 * Exact cases on HWPX files the test builds itself: outline.hwpx's header and first
 * paragraph (its section properties) with paragraphs written here — a fix inside one run,
 * across two runs with different character properties, next to a tab and a line break, in
 * a heading (paraPr 4 is an OUTLINE paraPr in that header); table.hwpx for a table cell;
 * change-track.hwpx (saved by 한글 with tracking on) for a paragraph with tracked changes.
 */
import { kordoc } from '../../../../server/documents/kordoc';
import { openHwpx } from '../../../../server/documents/hwpx';
import type { ApplyMode } from '../../../../server/documents/types';
import { changedEntries, readHwpx, textOf, withEntry } from '../../../helpers/documents';

const DATE = '2026-11-30T12:00:00Z';
const SECTION = 'Contents/section0.xml';
const LINESEG =
  '<hp:linesegarray><hp:lineseg textpos="0" vertpos="0" vertsize="1000" textheight="1000" baseline="850" spacing="600" horzpos="0" horzsize="42520" flags="393216"/></hp:linesegarray>';
const para = (runs: string, paraPr = 0) =>
  `<hp:p id="0" paraPrIDRef="${paraPr}" styleIDRef="0" pageBreak="0" columnBreak="0" merged="0">${runs}${LINESEG}</hp:p>`;

/** outline.hwpx with its first paragraph (section properties) followed by `paragraphs`. */
function build(...paragraphs: string[]): Uint8Array {
  const base = readHwpx('outline.hwpx');
  const xml = textOf(base, SECTION);
  const firstEnd = xml.indexOf('</hp:p>') + '</hp:p>'.length;
  return withEntry(base, SECTION, xml.slice(0, firstEnd) + paragraphs.join('') + '</hs:sec>');
}

async function fix(
  bytes: Uint8Array,
  edits: { paragraphId: string; start: number; end: number; replacement: string }[],
  mode: ApplyMode = 'tracked',
  author = '쓰기',
) {
  const doc = await openHwpx(bytes);
  const result = await doc.apply(edits, [], { mode, author, date: DATE });
  expect((await kordoc.validateHwpx(result.bytes)).ok).toBe(true);
  const again = await openHwpx(result.bytes);
  return { doc, result, again, section: textOf(result.bytes, SECTION), header: textOf(result.bytes, 'Contents/header.xml') };
}

describe('HWPX write-back, built fixtures', () => {
  it('inside one run: direct replaces only the characters; run and charPr kept; the paragraph’s lineseg cache dropped', async () => {
    const bytes = build(
      para('<hp:run charPrIDRef="3"><hp:t>가나다라마</hp:t></hp:run>'),
      para('<hp:run charPrIDRef="0"><hp:t>그대로</hp:t></hp:run>'),
    );
    const { result, again, section } = await fix(bytes, [{ paragraphId: 's0.p1', start: 1, end: 3, replacement: 'X&Y' }], 'direct');
    expect(result.applied).toBe(1);
    expect(again.paragraphs.slice(1).map((p) => p.text)).toEqual(['가X&Y라마', '그대로']);
    expect(section).toContain('<hp:run charPrIDRef="3"><hp:t>가X&amp;Y라마</hp:t></hp:run></hp:p>');
    expect(section).toContain(`<hp:t>그대로</hp:t></hp:run>${LINESEG}</hp:p>`);
    expect(changedEntries(bytes, result.bytes)).toEqual([SECTION]);
  });

  it('across two runs with different character properties: tracked marks span both runs, the insertion takes the second run’s charPr', async () => {
    const bytes = build(para('<hp:run charPrIDRef="3"><hp:t>가나다</hp:t></hp:run><hp:run charPrIDRef="7"><hp:t>라마바</hp:t></hp:run>'));
    const { result, again, section, header } = await fix(bytes, [{ paragraphId: 's0.p1', start: 2, end: 4, replacement: '한둘' }]);
    expect(result.applied).toBe(1);
    expect(again.paragraphs[1]!.text).toBe('가나한둘마바');
    expect(section).toContain(
      '<hp:run charPrIDRef="3"><hp:t>가나<hp:deleteBegin Id="1" TcId="1"/>다</hp:t></hp:run><hp:run charPrIDRef="7"><hp:t>라<hp:deleteEnd Id="1" TcId="1" paraend="0"/><hp:insertBegin Id="2" TcId="2"/>한둘<hp:insertEnd Id="2" TcId="2" paraend="0"/>마바</hp:t></hp:run>',
    );
    expect(header).toContain(
      '<hh:trackChanges itemCnt="2"><hh:trackChange type="Delete" date="2026-11-30T12:00:00Z" authorID="1" hide="0" id="1"/><hh:trackChange type="Insert" date="2026-11-30T12:00:00Z" authorID="1" hide="0" id="2"/></hh:trackChanges>',
    );
    expect(header).toContain(
      '<hh:trackChangeAuthors itemCnt="1"><hh:trackChangeAuthor name="쓰기" mark="1" id="0"/></hh:trackChangeAuthors></hh:refList>',
    );
    expect(again.trackedChanges().map((c) => [c.type, c.text, c.author])).toEqual([
      ['Delete', '다라', '쓰기'],
      ['Insert', '한둘', '쓰기'],
    ]);
  });

  it('direct across two runs: the new text goes where the change starts, the second run keeps its rest', async () => {
    const bytes = build(para('<hp:run charPrIDRef="3"><hp:t>가나다</hp:t></hp:run><hp:run charPrIDRef="7"><hp:t>라마바</hp:t></hp:run>'));
    const { section, again } = await fix(bytes, [{ paragraphId: 's0.p1', start: 2, end: 4, replacement: '한둘' }], 'direct');
    expect(again.paragraphs[1]!.text).toBe('가나한둘마바');
    expect(section).toContain('<hp:run charPrIDRef="3"><hp:t>가나한둘</hp:t></hp:run><hp:run charPrIDRef="7"><hp:t>마바</hp:t></hp:run>');
  });

  it('next to a tab and a line break: both stay, offsets count them as one character each', async () => {
    const bytes = build(
      para('<hp:run charPrIDRef="0"><hp:t>앞<hp:tab width="4000" leader="0" type="1"/>뒤<hp:lineBreak/>끝</hp:t></hp:run>'),
    );
    const doc = await openHwpx(bytes);
    expect(doc.paragraphs[1]!.text).toBe('앞\t뒤\n끝');
    const { section, again } = await fix(
      bytes,
      [
        { paragraphId: 's0.p1', start: 2, end: 3, replacement: '뒷' },
        { paragraphId: 's0.p1', start: 4, end: 5, replacement: '끝.' },
      ],
      'direct',
    );
    expect(again.paragraphs[1]!.text).toBe('앞\t뒷\n끝.');
    expect(section).toContain('<hp:t>앞<hp:tab width="4000" leader="0" type="1"/>뒷<hp:lineBreak/>끝.</hp:t>');
  });

  it('a character written as an element with a closing tag (<hp:nbSpace></hp:nbSpace>) is removed whole', async () => {
    const bytes = build(para('<hp:run charPrIDRef="0"><hp:t>가<hp:nbSpace></hp:nbSpace>나</hp:t></hp:run>'));
    const { section, again } = await fix(bytes, [{ paragraphId: 's0.p1', start: 1, end: 2, replacement: '' }], 'direct');
    expect(again.paragraphs[1]!.text).toBe('가나');
    expect(section).toContain('<hp:t>가나</hp:t>');
  });

  it('in a heading (OUTLINE paraPr): listed as a heading and fixed like any paragraph', async () => {
    const bytes = build(para('<hp:run charPrIDRef="0"><hp:t>개요 와 목적</hp:t></hp:run>', 4));
    const { doc, again } = await fix(bytes, [{ paragraphId: 's0.p1', start: 2, end: 3, replacement: '' }]);
    expect(doc.paragraphs[1]!.kind).toBe('heading');
    expect(again.paragraphs[1]).toMatchObject({ kind: 'heading', text: '개요와 목적' });
    expect(again.trackedChanges().map((c) => [c.type, c.text])).toEqual([['Delete', ' ']]);
  });

  it('inside a table cell (table.hwpx): only that cell’s text changes', async () => {
    const bytes = readHwpx('table.hwpx');
    const doc = await openHwpx(bytes);
    const cell = doc.paragraphs.find((p) => p.kind === 'cell' && p.text === '국어')!;
    expect(cell.location).toMatchObject({ table: 0, row: 0, col: 1 });
    const { again } = await fix(bytes, [{ paragraphId: cell.id, start: 1, end: 2, replacement: '문' }]);
    expect(again.paragraphs.map((p) => p.text)).toEqual(doc.paragraphs.map((p) => (p.id === cell.id ? '국문' : p.text)));
    expect(again.trackedChanges().map((c) => [c.type, c.text, c.paragraphId])).toEqual([
      ['Delete', '어', cell.id],
      ['Insert', '문', cell.id],
    ]);
  });

  it('in a paragraph with 한글’s own tracked changes: edits touching them are skipped, others applied; the existing changes and their author stay', async () => {
    const bytes = readHwpx('change-track.hwpx');
    const doc = await openHwpx(bytes);
    expect(doc.paragraphs[0]!.text).toBe('변경 \t인간은'); // " 추적" deleted, "인간은" inserted by author fff
    const { result, again, header } = await fix(
      bytes,
      [
        { paragraphId: 's0.p0', start: 0, end: 2, replacement: '수정' },
        { paragraphId: 's0.p0', start: 4, end: 6, replacement: '사람' }, // inside fff's insertion
      ],
      'tracked',
      '김교정',
    );
    expect(result.applied).toBe(1);
    expect(result.skipped).toEqual([{ paragraphId: 's0.p0', start: 4, end: 6, reason: 'touches an existing tracked change' }]);
    expect(again.paragraphs[0]!.text).toBe('수정 \t인간은');
    expect(again.trackedChanges().map((c) => [c.type, c.text, c.author])).toEqual([
      ['Delete', '변경', '김교정'],
      ['Insert', '수정', '김교정'],
      ['Delete', ' 추적', 'fff'],
      ['Insert', '인간은', 'fff'],
    ]);
    expect(header).toContain('<hh:trackChanges itemCnt="4">');
    expect(header).toContain(
      '<hh:trackChangeAuthors itemCnt="2"><hh:trackChangeAuthor name="fff" mark="1" id="0"/><hh:trackChangeAuthor name="김교정" mark="1" id="1"/></hh:trackChangeAuthors>',
    );
  });

  it('overlapping edits and bad offsets are skipped with a reason, never written', async () => {
    const bytes = build(para('<hp:run charPrIDRef="0"><hp:t>가나다라</hp:t></hp:run>'));
    const { result, again } = await fix(
      bytes,
      [
        { paragraphId: 's0.p1', start: 0, end: 2, replacement: 'A' },
        { paragraphId: 's0.p1', start: 1, end: 3, replacement: 'B' },
        { paragraphId: 's0.p1', start: 3, end: 9, replacement: 'C' },
        { paragraphId: 'nope', start: 0, end: 1, replacement: 'D' },
      ],
      'direct',
    );
    expect(result.applied).toBe(1);
    expect(result.skipped.map((s) => s.reason).sort()).toEqual([
      'no such paragraph',
      'offsets outside the paragraph',
      'overlaps another edit',
    ]);
    expect(again.paragraphs[1]!.text).toBe('A다라');
  });
});
