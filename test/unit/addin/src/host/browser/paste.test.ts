/** @jest-environment jsdom */
/**
 * Issue 16 item 1: pasting keeps paragraphs. Plain text splits on line breaks, HTML keeps
 * paragraphs, headings and lists; and every pack sees the same paragraphs in the editor
 * as the CLI sees in the same text (the planted patent and 공문 fixtures).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { BrowserHost } from '../../../../../../addin/src/host/BrowserHost';
import { createChecker } from '../../../../../../server/cli/checker';
import type { PackName } from '../../../../../../server/proofread/types';

const FIX = path.resolve(__dirname, '../../../../../fixtures');

function setup(html = '<p><br></p>'): { el: HTMLElement; host: BrowserHost } {
  const el = document.createElement('div');
  el.contentEditable = 'true';
  el.innerHTML = html;
  document.body.replaceChildren(el);
  return { el, host: new BrowserHost(el) };
}

function caretAt(node: Node, offset: number): void {
  const r = document.createRange();
  r.setStart(node, offset);
  r.collapse(true);
  const sel = document.getSelection()!;
  sel.removeAllRanges();
  sel.addRange(r);
}

/** A paste event as the browser fires it (jsdom has no ClipboardEvent/DataTransfer). */
function paste(el: HTMLElement, data: { 'text/plain'?: string; 'text/html'?: string }): Event {
  const e = new Event('paste', { bubbles: true, cancelable: true });
  Object.defineProperty(e, 'clipboardData', { value: { getData: (type: string) => data[type as keyof typeof data] ?? '' } });
  el.dispatchEvent(e);
  return e;
}

const cliLines = (text: string) => text.replace(/\r\n?/g, '\n').replace(/\n$/, '').split('\n');

describe('pasting into the standalone editor', () => {
  it("splits pasted plain text into one paragraph per line, keeping each line's spaces", async () => {
    const { el, host } = setup();
    caretAt(el.querySelector('p')!, 0);
    const e = paste(el, { 'text/plain': '첫째 줄\r\n  둘째 줄 (들여쓰기)\n\n넷째 줄\n' });
    expect(e.defaultPrevented).toBe(true);
    const texts = (await host.getParagraphs('body')).map((p) => p.text);
    expect(texts).toEqual(['첫째 줄', '  둘째 줄 (들여쓰기)', '', '넷째 줄']);
  });

  it('splits the paragraph at the caret: its tail follows the last pasted line', async () => {
    const { el, host } = setup('<p>앞부분뒷부분</p><p>다음</p>');
    caretAt(el.querySelector('p')!.firstChild!, 3);
    paste(el, { 'text/plain': 'A\nB' });
    expect((await host.getParagraphs('body')).map((p) => p.text)).toEqual(['앞부분A', 'B뒷부분', '다음']);
  });

  it('keeps the paragraphs, headings, lists, bold and italic of pasted HTML, and nothing else', async () => {
    const { el, host } = setup();
    caretAt(el.querySelector('p')!, 0);
    paste(el, {
      'text/html':
        '<meta charset="utf-8"><h2 style="color:red">제목</h2><p>첫 <b>굵게</b> <i>기울임</i></p><script>window.__x = 1</script>' +
        '<p onclick="alert(1)">둘째<br>셋째</p><ul><li>가</li><li>나<ol><li>다</li></ol></li></ul><p><a href="https://x.example">링크</a><o:p></o:p></p>',
      'text/plain': 'ignored when HTML has structure',
    });
    expect(el.querySelector('h2')?.textContent).toBe('제목');
    expect(el.querySelector('strong')?.textContent).toBe('굵게');
    expect(el.querySelector('em')?.textContent).toBe('기울임');
    expect(el.querySelectorAll('li')).toHaveLength(3);
    expect(el.innerHTML).not.toMatch(/script|onclick|href|color|o:p/);
    expect((window as unknown as { __x?: number }).__x).toBeUndefined();
    const texts = (await host.getParagraphs('body')).map((p) => p.text);
    expect(texts).toEqual(['제목', '첫 굵게 기울임', '둘째', '셋째', '가', '나', '다', '링크']);
  });

  it.each<[PackName, string]>([
    ['patent', 'patent/planted.txt'],
    ['official', 'official/planted.txt'],
  ])('the %s pack finds in pasted text exactly what the CLI finds in the file', async (pack, file) => {
    const text = readFileSync(path.join(FIX, file), 'utf8');
    const { el, host } = setup();
    caretAt(el.querySelector('p')!, 0);
    paste(el, { 'text/plain': text });
    const paras = await host.getParagraphs('body');
    const check = await createChecker({ engine: 'rules', pack });
    const key = (s: { paragraphId: string; start: number; end: number; ruleId?: string; replacement: string | null }) =>
      `${s.paragraphId}:${s.start}-${s.end}:${s.ruleId}:${s.replacement}`;
    // The pane sends the editor's paragraphs; the CLI sends the file's lines.
    const pane = (await check.check(paras.map((p) => ({ id: String(p.index), text: p.text })))).suggestions;
    const cli = (await check.check(cliLines(text).map((t, i) => ({ id: String(i), text: t.normalize('NFC') })))).suggestions;
    expect(paras).toHaveLength(cliLines(text).length);
    expect(cli.length).toBeGreaterThan(3);
    expect(pane.map(key).sort()).toEqual(cli.map(key).sort());
  });
});
