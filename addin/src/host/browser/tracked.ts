/**
 * Finishing tracked changes in the standalone editor, where they are <ins>/<del>
 * elements (see BrowserHost): accept all, reject all, and the editor's content as runs
 * (for clean text, copying and the .docx download).
 */

export function acceptAllChanges(editor: HTMLElement): number {
  return finish(editor, 'INS', 'DEL');
}

export function rejectAllChanges(editor: HTMLElement): number {
  return finish(editor, 'DEL', 'INS');
}

/** Keeps the content of `keep` elements (unwrapped) and drops `drop` elements; returns how many changed. */
function finish(editor: HTMLElement, keep: string, drop: string): number {
  const changes = Array.from(editor.querySelectorAll(`${keep}, ${drop}`));
  for (const el of changes) {
    if (el.tagName === drop) el.remove();
    else el.replaceWith(...Array.from(el.childNodes));
  }
  editor.normalize();
  return changes.length;
}

export interface EditorRun {
  text: string;
  bold?: boolean;
  italic?: boolean;
  /** A tracked insertion or deletion. */
  change?: 'ins' | 'del';
}

export interface EditorBlock {
  kind: 'p' | 'h1' | 'h2' | 'h3' | 'li';
  /** For list items: numbered list, and nesting level (0 = top). */
  ordered?: boolean;
  level?: number;
  runs: EditorRun[];
}

const BLOCKS = 'p, h1, h2, h3, h4, li';

function runsOf(el: Element): EditorRun[] {
  const out: EditorRun[] = [];
  const walker = el.ownerDocument.createTreeWalker(el, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const run: EditorRun = { text: (n as Text).data };
    for (let a = n.parentElement; a && a !== el; a = a.parentElement) {
      if (a.tagName === 'STRONG' || a.tagName === 'B') run.bold = true;
      if (a.tagName === 'EM' || a.tagName === 'I') run.italic = true;
      if (a.tagName === 'INS' && !run.change) run.change = 'ins';
      if (a.tagName === 'DEL') run.change = 'del';
    }
    if (run.text) out.push(run);
  }
  return out;
}

/** The editor's blocks in order (nested lists give their own items, not their parents'). */
export function readEditor(editor: HTMLElement): EditorBlock[] {
  return Array.from(editor.querySelectorAll(BLOCKS)).map((el) => {
    const tag = el.tagName.toLowerCase();
    if (tag === 'li') {
      // an item's own text, without a list nested in it (that list's items come next)
      const own = el.cloneNode(true) as Element;
      for (const l of Array.from(own.querySelectorAll('ul, ol'))) l.remove();
      let level = 0;
      for (let a = el.parentElement?.parentElement; a && a !== editor; a = a.parentElement) if (a.tagName === 'LI') level++;
      const margin = /^([\d.]+)em$/.exec((el as HTMLElement).style.marginLeft)?.[1];
      if (margin) level = Math.max(level, Math.round(Number(margin) / 1.5));
      return { kind: 'li', ordered: el.parentElement?.tagName === 'OL', level, runs: runsOf(own) };
    }
    return { kind: tag === 'h4' ? 'h3' : (tag as EditorBlock['kind']), runs: runsOf(el) };
  });
}

/** The text as it reads with every change accepted: deletions out, paragraphs on lines. */
export function cleanText(blocks: readonly EditorBlock[]): string {
  return blocks
    .map((b) =>
      b.runs
        .filter((r) => r.change !== 'del')
        .map((r) => r.text)
        .join(''),
    )
    .join('\n');
}
