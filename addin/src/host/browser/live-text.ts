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
