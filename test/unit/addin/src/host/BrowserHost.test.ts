/** @jest-environment jsdom */
import { BrowserHost } from '../../../../../addin/src/host/BrowserHost';
import type { ParagraphEdit } from '../../../../../addin/src/host/DocumentHost';

function editor(paragraphs: string[]): HTMLElement {
  const el = document.createElement('div');
  el.contentEditable = 'true';
  for (const t of paragraphs) {
    const p = document.createElement('p');
    p.textContent = t;
    el.appendChild(p);
  }
  document.body.replaceChildren(el);
  return el;
}

const edit = (id: string, text: string, original: string, replacement: string | null, from = 0): ParagraphEdit => {
  const start = text.indexOf(original, from);
  return { suggestionId: id, start, end: start + original.length, original, replacement, comment: '이유' };
};

describe('BrowserHost (standalone editor)', () => {
  it('applies tracked changes as <del>/<ins> on the narrowest span, from the end backwards', async () => {
    const el = editor(['할수있는 일이 됬다.']);
    const host = new BrowserHost(el);
    const [p] = await host.getParagraphs('body');
    const res = await host.applyEdits(
      [{ paragraph: p!, edits: [edit('a', p!.text, '할수', '할 수'), edit('b', p!.text, '됬다', '됐다')] }],
      'tracked',
    );
    expect(res.applied.sort()).toEqual(['a', 'b']);
    expect(el.querySelector('p')!.innerHTML).toBe('<del>할수</del><ins>할 수</ins>있는 일이 <del>됬다</del><ins>됐다</ins>.');
    // What the pane reads back is the new text (deleted text excluded).
    expect((await host.getParagraphs('body'))[0]!.text).toBe('할 수있는 일이 됐다.');
  });

  it('skips a paragraph the user changed since the check (stale), leaving it untouched', async () => {
    const el = editor(['그 일이 됬다.']);
    const host = new BrowserHost(el);
    const [p] = await host.getParagraphs('body');
    el.querySelector('p')!.textContent = '그 일이 됬다. 사용자가 덧붙임.';
    const res = await host.applyEdits([{ paragraph: p!, edits: [edit('a', p!.text, '됬다', '됐다')] }], 'direct');
    expect(res).toMatchObject({ applied: [], stale: ['a'] });
    expect(el.textContent).toBe('그 일이 됬다. 사용자가 덧붙임.');
  });

  it('fails rather than misplaces edits when the editor holds decomposed (NFD) Korean', async () => {
    const nfd = '가나다라  ab  '.normalize('NFD');
    const el = editor([nfd]);
    const host = new BrowserHost(el);
    const [p] = await host.getParagraphs('body');
    expect(p!.text).toBe('가나다라  ab  '); // read as NFC
    const res = await host.applyEdits([{ paragraph: p!, edits: [edit('sp', p!.text, '  ', ' ', 6)] }], 'direct');
    expect(res.failed).toEqual(['sp']);
    expect(el.textContent).toBe(nfd);
    expect(await host.select(p!, 0, 2)).toBe(false);
  });

  it('drops the later of two overlapping edits', async () => {
    const el = editor(['가나다라마']);
    const host = new BrowserHost(el);
    const [p] = await host.getParagraphs('body');
    const res = await host.applyEdits(
      [{ paragraph: p!, edits: [edit('x', p!.text, '나다', 'ㄴㄷ'), edit('y', p!.text, '다라', 'ㄷㄹ')] }],
      'direct',
    );
    expect(res).toMatchObject({ applied: ['x'], failed: ['y'] });
    expect(el.textContent).toBe('가ㄴㄷ라마');
  });

  it('puts fix-less findings and comment mode in as marked comments', async () => {
    const el = editor(['상기 펌프는 물을 공급한다.']);
    const host = new BrowserHost(el);
    const [p] = await host.getParagraphs('body');
    await host.applyEdits([{ paragraph: p!, edits: [edit('c', p!.text, '상기 펌프', null)] }], 'tracked');
    const mark = el.querySelector('mark.sseugi-comment') as HTMLElement;
    expect(mark.textContent).toBe('상기 펌프');
    expect(mark.dataset.comment).toBe('[AI 제안] 이유');
  });
});
