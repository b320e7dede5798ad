/** @jest-environment jsdom */
/**
 * FileHost: the workbench's read-only view of an opened file. Accepted suggestions go
 * into its ledger (parsed offsets) and show as <del>/<ins>; the pane reads back the
 * current text; a paragraph whose text differs from what was checked is stale.
 */
import type { ParagraphEdit } from '../../../../../addin/src/host/DocumentHost';
import { FileHost, ReadOnlyDocumentError } from '../../../../../addin/src/host/FileHost';
import type { FileParagraph } from '../../../../../addin/src/workbench/api';
import { EditLedger } from '../../../../../addin/src/workbench/ledger';

const PARAS: FileParagraph[] = [
  { id: 's0p0', text: '보도 자료', kind: 'heading', location: { section: 0, paragraph: 0 } },
  { id: 's0p1', text: '할수있는 일이 됬다.', kind: 'body', location: { section: 0, paragraph: 1 } },
  { id: 's0t0c1', text: '그 컨셉은 좋다.', kind: 'cell', location: { section: 0, table: 0, cell: 1 } },
];

function setup() {
  const view = document.createElement('div');
  document.body.replaceChildren(view);
  const ledger = new EditLedger(PARAS);
  return { view, ledger, host: new FileHost(view, PARAS, ledger) };
}

const edit = (id: string, text: string, original: string, replacement: string | null): ParagraphEdit => {
  const start = text.indexOf(original);
  return { suggestionId: id, start, end: start + original.length, original, replacement, comment: `이유 ${id}` };
};

describe('FileHost (workbench)', () => {
  it('renders the parsed paragraphs read-only, by kind', async () => {
    const { view, host } = setup();
    expect(view.querySelector('[contenteditable]')).toBeNull();
    expect(view.getAttribute('contenteditable')).toBeNull();
    expect(Array.from(view.children).map((c) => [c.tagName, c.textContent])).toEqual([
      ['H3', '보도 자료'],
      ['P', '할수있는 일이 됬다.'],
      ['P', '그 컨셉은 좋다.'],
    ]);
    expect(view.children[2]!.className).toBe('sseugi-cell');
    expect(await host.getBodyText()).toBe('보도 자료\n할수있는 일이 됬다.\n그 컨셉은 좋다.');
    await expect(host.insertBlocks([], 'below')).rejects.toBeInstanceOf(ReadOnlyDocumentError);
  });

  it('records tracked edits in parsed offsets, shows them as <del>/<ins> and reads back the new text', async () => {
    const { view, host, ledger } = setup();
    let [, p] = await host.getParagraphs('body');
    const r1 = await host.applyEdits([{ paragraph: p!, edits: [edit('a', p!.text, '할수', '할 수')] }], 'tracked');
    expect(r1).toMatchObject({ applied: ['a'], stale: [], failed: [], modeUsed: 'tracked' });
    expect(view.children[1]!.innerHTML).toBe('<del title="이유 a">할수</del><ins title="이유 a">할 수</ins>있는 일이 됬다.');
    [, p] = await host.getParagraphs('body');
    expect(p!.text).toBe('할 수있는 일이 됬다.');
    // A second suggestion computed on the new text lands on the parsed text's offsets.
    await host.applyEdits([{ paragraph: p!, edits: [edit('b', p!.text, '됬다', '됐다')] }], 'tracked');
    expect(ledger.toRequest().edits).toEqual([
      { paragraphId: 's0p1', start: 0, end: 2, replacement: '할 수', message: '이유 a' },
      { paragraphId: 's0p1', start: 8, end: 10, replacement: '됐다', message: '이유 b' },
    ]);
    // Go to selects the span of the current text, skipping deleted text.
    [, p] = await host.getParagraphs('body');
    expect(await host.select(p!, p!.text.indexOf('일이'), p!.text.indexOf('일이') + 2)).toBe(true);
    expect(document.getSelection()!.toString()).toBe('일이');
    expect(await host.getSelectionText()).toBe('일이');
  });

  it('marks a set stale when the paragraph differs from the text checked, and fails an edit whose text moved', async () => {
    const { host, ledger } = setup();
    const [, p] = await host.getParagraphs('body');
    const old = { ...p!, text: '다른 글' };
    const r = await host.applyEdits([{ paragraph: old, edits: [edit('x', '다른 글', '다른', '딴')] }], 'tracked');
    expect(r.stale).toEqual(['x']);
    const wrong: ParagraphEdit = { suggestionId: 'y', start: 0, end: 2, original: '있는', replacement: '있을', comment: '' };
    expect((await host.applyEdits([{ paragraph: p!, edits: [wrong] }], 'tracked')).failed).toEqual(['y']);
    expect(ledger.editCount).toBe(0);
  });

  it('comment mode and fix-less findings become notes (in the one comment format); the text stays', async () => {
    const { view, host, ledger } = setup();
    const [, , cell] = await host.getParagraphs('body');
    const r = await host.applyEdits([{ paragraph: cell!, edits: [edit('c', cell!.text, '컨셉', '콘셉트')] }], 'comment');
    expect(r.applied).toEqual(['c']);
    const [, body] = await host.getParagraphs('body');
    await host.applyEdits([{ paragraph: body!, edits: [edit('d', body!.text, '일이', null)] }], 'direct');
    expect(ledger.toRequest()).toEqual({
      edits: [],
      notes: [
        { paragraphId: 's0p1', start: 5, end: 7, message: '[AI 제안] 이유 d' },
        { paragraphId: 's0t0c1', start: 2, end: 4, message: '[AI 제안] 이유 c → “콘셉트”' },
      ],
    });
    expect(await host.getBodyText()).toBe('보도 자료\n할수있는 일이 됬다.\n그 컨셉은 좋다.');
    expect(view.querySelectorAll('mark.sseugi-comment')).toHaveLength(2);
  });

  it('tells the workbench about accepted edits (pending count) but never reports them as user changes', async () => {
    const { host } = setup();
    const seen: string[] = [];
    host.onChange(() => seen.push('change'));
    host.onLedgerChange(() => seen.push('ledger'));
    const [, p] = await host.getParagraphs('body');
    await host.applyEdits([{ paragraph: p!, edits: [edit('a', p!.text, '됬다', '됐다')] }], 'direct');
    expect(seen).toEqual(['ledger']);
  });
  it('accepts a whole category at once: several edits of one set, against the same text', async () => {
    const { view, host, ledger } = setup();
    const [, p] = await host.getParagraphs('body');
    const overlapping: ParagraphEdit = { suggestionId: 'o', start: 1, end: 3, original: '수있', replacement: '수 있', comment: '' };
    const r = await host.applyEdits(
      [{ paragraph: p!, edits: [edit('b', p!.text, '됬다', '됐다'), edit('a', p!.text, '할수', '할 수'), overlapping] }],
      'direct',
    );
    expect(r.applied.sort()).toEqual(['a', 'b']);
    expect(r.failed).toEqual(['o']); // overlaps 할수: the earlier one wins, as in the other hosts
    expect((await host.getParagraphs('body'))[1]!.text).toBe('할 수있는 일이 됐다.');
    expect(ledger.toRequest().edits.map((e) => [e.start, e.end, e.replacement])).toEqual([
      [0, 2, '할 수'],
      [8, 10, '됐다'],
    ]);
    // Direct edits show only the new text.
    expect(view.children[1]!.innerHTML).toBe(
      '<span class="sseugi-direct" title="이유 a">할 수</span>있는 일이 <span class="sseugi-direct" title="이유 b">됐다</span>.',
    );
  });
});
