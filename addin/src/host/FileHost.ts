/**
 * The workbench's document host: a file opened on the standalone page (.hwpx, .hwp,
 * .docx, .txt, .md), parsed by the relay into paragraphs. The view is read-only: the
 * file changes only through accepted proofreading suggestions, which are recorded in
 * an EditLedger (offsets into the parsed text) and shown as <del>/<ins> (tracked),
 * plain new text (direct) or <mark> (comments) until the user saves. Saving sends the
 * ledger to the relay, which patches the original bytes (workbench/session.ts).
 */
import { commentText, editedSince, planEdits, spanHolds } from '../../../kernel/edits';
import { liveRange } from './browser/live-text';
import type { FileParagraph } from '../workbench/api';
import type { EditLedger } from '../workbench/ledger';
import type { ApplyMode, ApplyResult, DocumentHost, HostCapabilities, HostParagraph, InsertMode, ParagraphEditSet } from './DocumentHost';
import type { Block } from '../core/blocks';

export class ReadOnlyDocumentError extends Error {
  readonly code = 'READ_ONLY_DOCUMENT';
  constructor() {
    super('A file document is read-only; only accepted suggestions change it.');
    this.name = 'ReadOnlyDocumentError';
  }
}

export class FileHost implements DocumentHost {
  readonly kind = 'browser' as const;
  private savedRange: Range | null = null;
  private readonly changeListeners = new Set<() => void>();
  private readonly onSelection = () => {
    const sel = this.view.ownerDocument.getSelection();
    if (sel && sel.rangeCount > 0 && this.view.contains(sel.getRangeAt(0).commonAncestorContainer))
      this.savedRange = sel.getRangeAt(0).cloneRange();
  };

  constructor(
    private readonly view: HTMLElement,
    private readonly paragraphsParsed: FileParagraph[],
    readonly ledger: EditLedger,
  ) {
    view.ownerDocument.addEventListener('selectionchange', this.onSelection);
    this.render();
  }

  /** Stops listening to the page (the file was closed). */
  dispose(): void {
    this.view.ownerDocument.removeEventListener('selectionchange', this.onSelection);
  }

  capabilities(): HostCapabilities {
    return { trackedChanges: true, comments: true };
  }

  private elements(): HTMLElement[] {
    return Array.from(this.view.querySelectorAll<HTMLElement>('[data-pindex]'));
  }

  /** Draws every paragraph from the ledger (parsed text + accepted edits). */
  render(): void {
    const doc = this.view.ownerDocument;
    const els = this.paragraphsParsed.map((p, i) => {
      const el = doc.createElement(p.kind === 'heading' ? 'h3' : 'p');
      el.dataset.pindex = String(i);
      el.dataset.kind = p.kind;
      if (p.kind === 'cell') el.className = 'sseugi-cell';
      for (const seg of this.ledger.segments(i)) {
        if (seg.kind === 'same') {
          el.appendChild(doc.createTextNode(seg.text));
          continue;
        }
        const tag = seg.kind === 'del' ? 'del' : seg.kind === 'ins' ? 'ins' : seg.kind === 'note' ? 'mark' : 'span';
        const node = doc.createElement(tag);
        if (seg.kind === 'note') node.className = 'sseugi-comment';
        if (seg.kind === 'new') node.className = 'sseugi-direct';
        if (seg.title) node.title = seg.title;
        node.textContent = seg.text;
        el.appendChild(node);
      }
      return el;
    });
    this.view.replaceChildren(...els);
    this.savedRange = null;
  }

  private selectedRange(): Range | null {
    const r = this.savedRange;
    return r && this.view.contains(r.commonAncestorContainer) && !r.collapsed ? r : null;
  }

  async getSelectionText(): Promise<string> {
    const r = this.selectedRange();
    if (!r) return '';
    const frag = r.cloneContents();
    frag.querySelectorAll('del').forEach((d) => d.remove());
    return (frag.textContent ?? '').normalize('NFC');
  }

  async getBodyText(): Promise<string> {
    return this.paragraphsParsed.map((_, i) => this.ledger.currentText(i)).join('\n');
  }

  async getParagraphs(scope: 'selection' | 'body'): Promise<HostParagraph[]> {
    const all = this.paragraphsParsed.map((_, index) => ({ index, text: this.ledger.currentText(index) }));
    const r = scope === 'selection' ? this.selectedRange() : null;
    if (!r) return all;
    const els = this.elements();
    return all.filter((p) => {
      const el = els[p.index];
      return el ? r.intersectsNode(el) : false;
    });
  }

  async insertBlocks(_blocks: Block[], _mode: InsertMode): Promise<void> {
    throw new ReadOnlyDocumentError();
  }

  async applyEdits(sets: ParagraphEditSet[], mode: ApplyMode): Promise<ApplyResult> {
    const result: ApplyResult = { applied: [], stale: [], failed: [], modeUsed: mode };
    for (const set of sets) {
      const index = set.paragraph.index;
      const current = this.ledger.currentText(index);
      const ids = set.edits.map((e) => e.suggestionId);
      if (index >= this.paragraphsParsed.length || editedSince(set.paragraph.text, current)) {
        result.stale.push(...ids);
        continue;
      }
      // All edits of a set are against the same text: map them all before recording any.
      // Clashing edits (kernel/edits/span.ts): the earlier one wins.
      const mapped: Array<{ edit: (typeof set.edits)[number]; start: number; end: number }> = [];
      const toParsed = (edit: (typeof set.edits)[number]) => {
        const span = spanHolds(current, edit) ? this.ledger.toParsed(index, edit.start, edit.end) : null;
        if (span) mapped.push({ edit, ...span });
        else result.failed.push(edit.suggestionId);
        return span !== null;
      };
      planEdits(set.edits, { tryKeep: toParsed, onClash: (edit) => result.failed.push(edit.suggestionId) });
      for (const { edit, start, end } of mapped) {
        if (mode === 'comment' || edit.replacement === null) {
          // The file's comment reads as Word's does: one format for every host (kernel/edits/comment.ts).
          this.ledger.addNote(index, { suggestionId: edit.suggestionId, start, end, message: commentText(edit.comment, edit.replacement) });
        } else {
          this.ledger.addEdit(index, {
            suggestionId: edit.suggestionId,
            start,
            end,
            replacement: edit.replacement,
            message: edit.comment,
            shownAs: mode,
          });
        }
        result.applied.push(edit.suggestionId);
      }
    }
    if (result.applied.length) {
      this.render();
      for (const l of this.changeListeners) l();
    }
    return result;
  }

  /** Listeners for accepted edits (the workbench's pending count); the pane's own edits only. */
  onLedgerChange(listener: () => void): () => void {
    this.changeListeners.add(listener);
    return () => this.changeListeners.delete(listener);
  }

  async select(paragraph: HostParagraph, start: number, end: number): Promise<boolean> {
    const el = this.elements()[paragraph.index];
    if (!el || editedSince(paragraph.text, this.ledger.currentText(paragraph.index))) return false;
    const range = liveRange(el, start, end);
    if (!range) return false;
    const sel = this.view.ownerDocument.getSelection();
    sel?.removeAllRanges();
    sel?.addRange(range);
    this.savedRange = range.cloneRange();
    el.scrollIntoView?.({ block: 'center' });
    return true;
  }

  /** The file view never changes under the user (it is read-only). */
  onChange(_listener: () => void): () => void {
    return () => undefined;
  }
}
