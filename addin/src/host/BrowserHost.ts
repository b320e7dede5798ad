/**
 * The standalone page's document host: a contenteditable editor holding block
 * elements (p, h1–h3, li). Tracked changes are shown as <ins>/<del>, comments as
 * <mark class="sseugi-comment">. Text read from it excludes deleted (<del>) text,
 * as Word's does for the document's current state.
 */
import type { Block, InlineRun } from '../core/blocks';
import { commentText, editedSince, planEdits } from '../../../kernel/edits';
import { liveRange, liveTextNodes } from './browser/live-text';
import { pastedBlocks } from './browser/paste';
import { acceptAllChanges, cleanText, readEditor, rejectAllChanges, type EditorBlock } from './browser/tracked';
import type { ApplyMode, ApplyResult, DocumentHost, HostCapabilities, HostParagraph, InsertMode, ParagraphEditSet } from './DocumentHost';

const BLOCK_SELECTOR = 'p, h1, h2, h3, h4, li';

function rawText(el: Element): string {
  return liveTextNodes(el)
    .map((t) => t.data)
    .join('');
}

export function paragraphText(el: Element): string {
  return rawText(el).normalize('NFC');
}

function renderRuns(doc: Document, runs: InlineRun[], into: Node): void {
  for (const r of runs) {
    let node: Node = doc.createTextNode(r.text);
    if (r.italic) {
      const em = doc.createElement('em');
      em.appendChild(node);
      node = em;
    }
    if (r.bold) {
      const strong = doc.createElement('strong');
      strong.appendChild(node);
      node = strong;
    }
    into.appendChild(node);
  }
}

export function renderBlocks(doc: Document, blocks: Block[]): HTMLElement[] {
  const out: HTMLElement[] = [];
  for (const b of blocks) {
    if (b.kind === 'heading') {
      const h = doc.createElement(`h${b.level}`);
      renderRuns(doc, b.runs, h);
      out.push(h);
    } else if (b.kind === 'paragraph') {
      const p = doc.createElement('p');
      renderRuns(doc, b.runs, p);
      out.push(p);
    } else {
      const list = doc.createElement(b.ordered ? 'ol' : 'ul');
      for (const item of b.items) {
        const li = doc.createElement('li');
        if (item.level > 0) li.style.marginLeft = `${item.level * 1.5}em`;
        renderRuns(doc, item.runs, li);
        list.appendChild(li);
      }
      out.push(list);
    }
  }
  return out;
}

export class BrowserHost implements DocumentHost {
  readonly kind = 'browser' as const;
  private savedRange: Range | null = null;
  private ownEdits = 0;
  private listeners = new Set<() => void>();

  constructor(private readonly editor: HTMLElement) {
    const doc = editor.ownerDocument;
    doc.addEventListener('selectionchange', () => {
      const sel = doc.getSelection();
      if (sel && sel.rangeCount > 0 && editor.contains(sel.getRangeAt(0).commonAncestorContainer)) {
        this.savedRange = sel.getRangeAt(0).cloneRange();
      }
    });
    const observer = new MutationObserver(() => {
      if (this.ownEdits > 0) return;
      for (const l of this.listeners) l();
    });
    observer.observe(editor, { childList: true, characterData: true, subtree: true });
    // Pasted plain text keeps its lines as paragraphs, pasted HTML its structure (the
    // browser's own paste would put lines into one <p> of this pre-wrap editor).
    editor.addEventListener('copy', (e) => this.copyWithoutDeletions(e));
    editor.addEventListener('cut', (e) => {
      // a cut keeps the browser's own behaviour, but what it puts on the clipboard is clean
      this.copyWithoutDeletions(e);
      if (e.defaultPrevented) this.editor.ownerDocument.getSelection()?.getRangeAt(0).deleteContents();
    });
    editor.addEventListener('paste', (e) => {
      const data = e.clipboardData;
      if (!data) return;
      e.preventDefault();
      this.paste(pastedBlocks({ html: data.getData('text/html'), text: data.getData('text/plain') }, new DOMParser()));
    });
  }

  /** Accepts every tracked change in the editor; returns how many there were. */
  acceptAllChanges(): number {
    return acceptAllChanges(this.editor);
  }

  /** Rejects every tracked change in the editor; returns how many there were. */
  rejectAllChanges(): number {
    return rejectAllChanges(this.editor);
  }

  /** The editor's content, with tracked changes marked (for the .docx download). */
  content(): EditorBlock[] {
    return readEditor(this.editor);
  }

  /** The text as it reads with every change accepted, paragraphs on lines. */
  cleanText(): string {
    return cleanText(this.content()).normalize('NFC');
  }

  /**
   * A copy that touches tracked changes gives the text as it reads with them accepted
   * (the browser's own copy would give "할수할 수있는": deleted and inserted text both).
   */
  private copyWithoutDeletions(e: ClipboardEvent): void {
    const sel = this.editor.ownerDocument.getSelection();
    if (!e.clipboardData || !sel || sel.rangeCount === 0 || sel.isCollapsed) return;
    const range = sel.getRangeAt(0);
    if (!this.editor.contains(range.commonAncestorContainer)) return;
    const box = this.editor.ownerDocument.createElement('div');
    box.append(range.cloneContents());
    if (!box.querySelector('ins, del') && !Array.from(this.editor.querySelectorAll('ins, del')).some((c) => range.intersectsNode(c)))
      return;
    const blocks = readEditor(box);
    acceptAllChanges(box);
    const text = blocks.length ? cleanText(blocks) : (box.textContent ?? '');
    e.clipboardData.setData('text/plain', text);
    e.clipboardData.setData('text/html', box.innerHTML);
    e.preventDefault();
  }

  /** Inserts pasted blocks at the caret (replacing the selection), splitting the paragraph there. */
  paste(blocks: Block[]): void {
    if (!blocks.length) return;
    const doc = this.editor.ownerDocument;
    const sel = doc.getSelection();
    let range = sel && sel.rangeCount > 0 ? sel.getRangeAt(0) : null;
    if (!range || !this.editor.contains(range.commonAncestorContainer)) {
      range = doc.createRange();
      range.selectNodeContents(this.editor);
      range.collapse(false);
    }
    range.deleteContents();
    const start = range.startContainer;
    const block = (start.nodeType === 1 ? (start as Element) : start.parentElement)?.closest(BLOCK_SELECTOR);
    const caret = doc.createRange();
    const first = blocks[0]!;
    if (!block || !this.editor.contains(block)) {
      const frag = doc.createDocumentFragment();
      frag.append(...renderBlocks(doc, blocks));
      const last = frag.lastChild;
      range.insertNode(frag);
      if (last) caret.setStartAfter(last);
    } else if (blocks.length === 1 && first.kind === 'paragraph') {
      const frag = doc.createDocumentFragment();
      renderRuns(doc, first.runs, frag);
      const last = frag.lastChild;
      range.insertNode(frag);
      if (last) caret.setStartAfter(last);
      else caret.setStart(range.startContainer, range.startOffset);
    } else {
      // Split the paragraph at the caret: its tail goes after the last pasted block.
      const tailRange = doc.createRange();
      tailRange.setStart(range.startContainer, range.startOffset);
      tailRange.setEnd(block, block.childNodes.length);
      const tail = tailRange.extractContents();
      let rest = blocks;
      if (first.kind === 'paragraph') {
        renderRuns(doc, first.runs, block);
        rest = blocks.slice(1);
      }
      const elements = renderBlocks(doc, rest);
      const anchor = block.parentNode === this.editor ? block : (this.topBlock(block) ?? block);
      anchor.after(...elements);
      const lastEl = elements.at(-1);
      const target = lastEl && /^(UL|OL)$/.test(lastEl.tagName) ? (lastEl.lastElementChild ?? lastEl) : (lastEl ?? block);
      caret.setStart(target, target.childNodes.length);
      target.append(tail);
      // A paragraph left empty by a pasted heading or list goes; other empty ones stay visible.
      if (rest === blocks && target !== block && (block.textContent ?? '') === '') block.remove();
      for (const el of [block, ...elements])
        if (el.isConnected && el.tagName === 'P' && !el.hasChildNodes()) el.append(doc.createElement('br'));
    }
    caret.collapse(true);
    sel?.removeAllRanges();
    sel?.addRange(caret);
  }

  capabilities(): HostCapabilities {
    return { trackedChanges: true, comments: true };
  }

  private blocks(): HTMLElement[] {
    return Array.from(this.editor.querySelectorAll<HTMLElement>(BLOCK_SELECTOR));
  }

  private selectedRange(): Range | null {
    const r = this.savedRange;
    if (!r || !this.editor.contains(r.commonAncestorContainer)) return null;
    return r;
  }

  async getSelectionText(): Promise<string> {
    const r = this.selectedRange();
    return r ? r.toString().normalize('NFC') : '';
  }

  async getBodyText(): Promise<string> {
    return this.blocks()
      .map((el) => paragraphText(el))
      .join('\n');
  }

  async getParagraphs(scope: 'selection' | 'body'): Promise<HostParagraph[]> {
    const all = this.blocks().map((el, index) => ({ index, text: paragraphText(el), el }));
    const r = scope === 'selection' ? this.selectedRange() : null;
    const chosen = r && !r.collapsed ? all.filter((p) => r.intersectsNode(p.el)) : all;
    return chosen.map(({ index, text }) => ({ index, text }));
  }

  /** The top-level child of the editor that contains `node`. */
  private topBlock(node: Node): HTMLElement | null {
    let n: Node | null = node;
    while (n && n.parentNode !== this.editor) n = n.parentNode;
    return n instanceof HTMLElement ? n : null;
  }

  private withOwnEdits<T>(fn: () => T): T {
    this.ownEdits++;
    try {
      return fn();
    } finally {
      // MutationObserver callbacks run as a microtask after this task.
      queueMicrotask(() => queueMicrotask(() => this.ownEdits--));
    }
  }

  async insertBlocks(blocks: Block[], mode: InsertMode): Promise<void> {
    const doc = this.editor.ownerDocument;
    this.withOwnEdits(() => {
      const range = this.selectedRange();
      if (mode === 'comment') {
        const text = blocks
          .map((b) =>
            b.kind === 'list' ? b.items.map((i) => i.runs.map((r) => r.text).join('')).join(' / ') : b.runs.map((r) => r.text).join(''),
          )
          .join('\n');
        const target = range && !range.collapsed ? range : null;
        const mark = doc.createElement('mark');
        mark.className = 'sseugi-comment';
        mark.title = commentText(text, null);
        mark.dataset.comment = mark.title;
        if (target) target.surroundContents(mark);
        else {
          const last = this.blocks().pop();
          if (last) last.appendChild(mark);
        }
        return;
      }
      const inline = blocks.length === 1 && blocks[0]!.kind === 'paragraph';
      if ((mode === 'replace' || mode === 'cursor') && range) {
        if (mode === 'replace') range.deleteContents();
        if (inline) {
          const frag = doc.createDocumentFragment();
          renderRuns(doc, (blocks[0] as { runs: InlineRun[] }).runs, frag);
          range.collapse(true);
          range.insertNode(frag);
          return;
        }
        const anchor = this.topBlock(range.startContainer);
        const elements = renderBlocks(doc, blocks);
        if (anchor) {
          anchor.after(...elements);
          if (mode === 'replace' && (anchor.textContent ?? '') === '') anchor.remove();
        } else this.editor.append(...elements);
        return;
      }
      const anchor = range ? this.topBlock(range.endContainer) : null;
      const elements = renderBlocks(doc, blocks);
      if (anchor) anchor.after(...elements);
      else this.editor.append(...elements);
    });
  }

  async applyEdits(sets: ParagraphEditSet[], mode: ApplyMode): Promise<ApplyResult> {
    const doc = this.editor.ownerDocument;
    const result: ApplyResult = { applied: [], stale: [], failed: [], modeUsed: mode };
    const blocks = this.blocks();
    this.withOwnEdits(() => {
      for (const set of sets) {
        const el = blocks[set.paragraph.index];
        const ids = set.edits.map((e) => e.suggestionId);
        if (!el || editedSince(set.paragraph.text, rawText(el))) {
          result.stale.push(...ids);
          continue;
        }
        if (rawText(el) !== set.paragraph.text) {
          // The editor holds decomposed (NFD) text, e.g. pasted from macOS: NFC offsets do not map onto it.
          result.failed.push(...ids);
          continue;
        }
        // Clashing edits (kernel/edits/span.ts): keep the earlier one; then apply from the end
        // backwards, so earlier offsets stay valid.
        const { kept } = planEdits(set.edits, { onClash: (e) => result.failed.push(e.suggestionId) });
        const edits = kept.reverse();
        for (const edit of edits) {
          const range = liveRange(el, edit.start, edit.end);
          if (!range || range.toString().normalize('NFC') !== edit.original) {
            result.failed.push(edit.suggestionId);
            continue;
          }
          if (mode === 'comment' || edit.replacement === null) {
            const mark = doc.createElement('mark');
            mark.className = 'sseugi-comment';
            // The same comment text as in Word: "[AI 제안] reason" (→ “fix” in comment mode).
            mark.title = commentText(edit.comment, mode === 'comment' ? edit.replacement : null);
            mark.dataset.comment = mark.title;
            mark.appendChild(range.extractContents());
            range.insertNode(mark);
          } else if (mode === 'tracked') {
            const del = doc.createElement('del');
            del.appendChild(range.extractContents());
            const ins = doc.createElement('ins');
            ins.textContent = edit.replacement;
            range.insertNode(ins);
            range.insertNode(del);
          } else {
            range.deleteContents();
            if (edit.replacement) range.insertNode(doc.createTextNode(edit.replacement));
          }
          result.applied.push(edit.suggestionId);
        }
        el.normalize();
      }
    });
    return result;
  }

  async select(paragraph: HostParagraph, start: number, end: number): Promise<boolean> {
    const el = this.blocks()[paragraph.index];
    if (!el || rawText(el) !== paragraph.text) return false;
    const range = liveRange(el, start, end);
    if (!range) return false;
    const sel = this.editor.ownerDocument.getSelection();
    sel?.removeAllRanges();
    sel?.addRange(range);
    this.savedRange = range.cloneRange();
    el.scrollIntoView?.({ block: 'center' });
    return true;
  }

  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
