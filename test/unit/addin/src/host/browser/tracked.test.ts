/** @jest-environment jsdom */
/**
 * Issue 16 item 5: tracked changes can be finished in the standalone editor — accept all,
 * reject all, copy clean text (and a copy never carries deleted text).
 */
import { BrowserHost } from '../../../../../../addin/src/host/BrowserHost';

// What the pane's "accept all (tracked)" leaves in the editor for 할수있는 … 됬다고.
const TRACKED =
  '<p><del>할수</del><ins>할 수</ins><del>있</del><ins> 있</ins>는 일이 <del>됬다고</del><ins>됐다고</ins> <strong>했다</strong>.</p><p>둘째 문단</p>';

function setup(): { el: HTMLElement; host: BrowserHost } {
  const el = document.createElement('div');
  el.contentEditable = 'true';
  el.innerHTML = TRACKED;
  document.body.replaceChildren(el);
  return { el, host: new BrowserHost(el) };
}

describe('finishing tracked changes in the standalone editor', () => {
  it('clean text reads as accepted, paragraphs on lines', () => {
    expect(setup().host.cleanText()).toBe('할 수 있는 일이 됐다고 했다.\n둘째 문단');
  });

  it('accept all keeps insertions and drops deletions; formatting stays', () => {
    const { el, host } = setup();
    expect(host.acceptAllChanges()).toBe(6);
    expect(el.querySelector('ins, del')).toBeNull();
    expect(el.querySelector('p')!.innerHTML).toBe('할 수 있는 일이 됐다고 <strong>했다</strong>.');
  });

  it('reject all restores the original', () => {
    const { el, host } = setup();
    expect(host.rejectAllChanges()).toBe(6);
    expect(el.querySelector('p')!.textContent).toBe('할수있는 일이 됬다고 했다.');
  });

  it('the pane is told of the change (its suggestions may be stale)', async () => {
    const { host } = setup();
    const changed = jest.fn();
    host.onChange(changed);
    host.acceptAllChanges();
    await new Promise((r) => setTimeout(r, 0));
    expect(changed).toHaveBeenCalled();
  });

  it('copying a selection over tracked changes gives the accepted text, not "할수할 수있 있는"', () => {
    const { el } = setup();
    const range = document.createRange();
    range.selectNodeContents(el);
    document.getSelection()!.removeAllRanges();
    document.getSelection()!.addRange(range);
    const data: Record<string, string> = {};
    const e = new Event('copy', { bubbles: true, cancelable: true });
    Object.defineProperty(e, 'clipboardData', { value: { setData: (t: string, v: string) => (data[t] = v) } });
    el.dispatchEvent(e);
    expect(e.defaultPrevented).toBe(true);
    expect(data['text/plain']).toBe('할 수 있는 일이 됐다고 했다.\n둘째 문단');
    expect(data['text/html']).not.toMatch(/<del|<ins|됬다고/);
  });
});
