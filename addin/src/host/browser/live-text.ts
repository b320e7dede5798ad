/**
 * The text a reader sees in a paragraph element that shows tracked changes as <ins>/<del>:
 * its text nodes in order, without deleted (<del>) text. Shared by the standalone editor
 * (BrowserHost) and the file workbench's view (FileHost).
 */

function isInDeleted(node: Node, root: Element): boolean {
  for (let n: Node | null = node.parentNode; n && n !== root; n = n.parentNode) {
    if (n.nodeName === 'DEL') return true;
  }
  return false;
}

/** Text nodes of a paragraph in order, without tracked deletions. */
export function liveTextNodes(el: Element): Text[] {
  const out: Text[] = [];
  const walker = el.ownerDocument.createTreeWalker(el, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) if (!isInDeleted(n, el)) out.push(n as Text);
  return out;
}

/** A DOM range over [start, end) of the paragraph's live text, or null if out of bounds. */
export function liveRange(el: Element, start: number, end: number): Range | null {
  const nodes = liveTextNodes(el);
  const range = el.ownerDocument.createRange();
  let pos = 0;
  let startSet = false;
  for (const t of nodes) {
    const len = t.data.length;
    if (!startSet && start <= pos + len) {
      range.setStart(t, start - pos);
      startSet = true;
    }
    if (startSet && end <= pos + len) {
      range.setEnd(t, end - pos);
      return range;
    }
    pos += len;
  }
  if (nodes.length === 0 && start === 0 && end === 0) {
    range.setStart(el, 0);
    range.setEnd(el, 0);
    return range;
  }
  return null;
}
