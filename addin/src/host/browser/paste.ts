/**
 * What a paste puts into the standalone editor, as blocks: plain text becomes one
 * paragraph per line (as the CLI reads a file: `\r\n`, `\r` and `\n` end a line; each
 * line's own spaces are kept), pasted HTML keeps its paragraphs, headings, lists, bold
 * and italic — and nothing else (no scripts, styles, attributes or links: the blocks are
 * rebuilt from text, so nothing the clipboard carries runs in the page).
 *
 * Own code rather than a sanitiser library: the editor takes only these few block kinds,
 * and the browser's DOMParser (inert document, scripts never run) does the parsing.
 */
import type { Block, InlineRun } from '../../core/blocks';

export function plainTextBlocks(text: string): Block[] {
  const lines = text.replace(/\r\n?/g, '\n').replace(/\n$/, '').split('\n');
  return lines.map((line) => ({ kind: 'paragraph', runs: line ? [{ text: line }] : [] }));
}

const SKIP = new Set(['SCRIPT', 'STYLE', 'HEAD', 'META', 'LINK', 'TITLE', 'TEMPLATE', 'NOSCRIPT', 'IFRAME', 'OBJECT', 'SVG', 'MATH']);
const BLOCK =
  /^(P|DIV|H[1-6]|LI|UL|OL|BLOCKQUOTE|PRE|TABLE|TBODY|THEAD|TR|TD|TH|SECTION|ARTICLE|HEADER|FOOTER|MAIN|DL|DT|DD|FIGURE|FIGCAPTION|ADDRESS)$/;

interface Style {
  bold: boolean;
  italic: boolean;
  pre: boolean;
}

function isBold(el: Element): boolean {
  if (el.tagName === 'B' || el.tagName === 'STRONG') return true;
  const w = (el as HTMLElement).style?.fontWeight;
  return w === 'bold' || w === 'bolder' || Number(w) >= 600;
}

function isItalic(el: Element): boolean {
  return el.tagName === 'I' || el.tagName === 'EM' || (el as HTMLElement).style?.fontStyle === 'italic';
}

/** Collects blocks while walking the pasted document. */
class Collector {
  readonly blocks: Block[] = [];
  private runs: InlineRun[] = [];
  private heading: 1 | 2 | 3 | null = null;
  private list: { ordered: boolean; items: Array<{ runs: InlineRun[]; level: number }> } | null = null;
  private listDepth = -1;

  text(t: string, s: Style): void {
    const text = s.pre ? t : t.replace(/[\t\n\r ]+/g, ' ');
    if (!text) return;
    const last = this.runs.at(-1);
    if (last && !!last.bold === s.bold && !!last.italic === s.italic) last.text += text;
    else this.runs.push({ text, ...(s.bold ? { bold: true } : {}), ...(s.italic ? { italic: true } : {}) });
  }

  /** Ends the current line of text as a block. */
  flush(): void {
    const runs = this.trimmed();
    this.runs = [];
    if (!runs.length) return;
    if (this.list && this.listDepth >= 0) {
      this.list.items.push({ runs, level: this.listDepth });
      return;
    }
    this.closeList();
    this.blocks.push(this.heading ? { kind: 'heading', level: this.heading, runs } : { kind: 'paragraph', runs });
  }

  private trimmed(): InlineRun[] {
    // HTML's collapsed whitespace at a block's edges is layout, not text.
    const runs = this.runs.map((r) => ({ ...r }));
    if (runs[0]) runs[0].text = runs[0].text.replace(/^ +/, '');
    const last = runs.at(-1);
    if (last) last.text = last.text.replace(/ +$/, '');
    return runs.filter((r) => r.text);
  }

  setHeading(level: 1 | 2 | 3 | null): void {
    this.heading = level;
  }

  enterList(ordered: boolean): void {
    this.flush();
    if (!this.list) {
      this.list = { ordered, items: [] };
      this.listDepth = -1;
    }
    this.listDepth++;
  }

  leaveList(): void {
    this.flush();
    this.listDepth--;
    if (this.listDepth < 0) this.closeList();
  }

  private closeList(): void {
    if (this.list?.items.length) this.blocks.push({ kind: 'list', ...this.list });
    this.list = null;
    this.listDepth = -1;
  }

  finish(): Block[] {
    this.flush();
    this.closeList();
    return this.blocks;
  }
}

function walk(node: Node, s: Style, out: Collector): void {
  if (node.nodeType === 3) {
    out.text((node as Text).data, s);
    return;
  }
  if (node.nodeType !== 1) return;
  const el = node as Element;
  const tag = el.tagName.toUpperCase();
  if (SKIP.has(tag) || el.localName.includes(':')) return; // Word's <o:p> and friends
  if (tag === 'BR') {
    out.flush();
    return;
  }
  const style: Style = { bold: s.bold || isBold(el), italic: s.italic || isItalic(el), pre: s.pre || tag === 'PRE' };
  if (tag === 'UL' || tag === 'OL') {
    out.enterList(tag === 'OL');
    for (const c of Array.from(el.childNodes)) walk(c, style, out);
    out.leaveList();
    return;
  }
  const h = /^H([1-6])$/.exec(tag);
  const block = BLOCK.test(tag);
  if (block) out.flush();
  if (h) out.setHeading(Math.min(3, Number(h[1])) as 1 | 2 | 3);
  for (const c of Array.from(el.childNodes)) walk(c, style, out);
  if (block) out.flush();
  if (h) out.setHeading(null);
}

export function htmlBlocks(html: string, parser: DOMParser): Block[] {
  const doc = parser.parseFromString(html, 'text/html');
  const out = new Collector();
  walk(doc.body, { bold: false, italic: false, pre: false }, out);
  return out.finish();
}

/** The blocks a paste carries: its HTML when it has any structure, else its plain text. */
export function pastedBlocks(data: { html: string; text: string }, parser: DOMParser): Block[] {
  if (data.html.trim()) {
    const blocks = htmlBlocks(data.html, parser);
    if (blocks.length) return blocks;
  }
  return plainTextBlocks(data.text);
}
