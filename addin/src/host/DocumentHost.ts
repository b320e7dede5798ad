import type { Block } from '../core/blocks';

/**
 * The only way the task pane reaches the document. Two implementations:
 * `WordHost` (Office.js, the only module that touches Office) and `BrowserHost`
 * (the standalone page's editor). Pure pane logic depends on this interface only.
 */

/** A paragraph as read for checking; `text` is NFC. */
export interface HostParagraph {
  /** Position in the body (0-based) at read time. */
  index: number;
  text: string;
  /** Word's uniqueLocalId where the client has it (WordApi 1.6). */
  uniqueLocalId?: string;
}

export type InsertMode = 'below' | 'replace' | 'cursor' | 'comment';

/** How proofreading edits are applied. */
export type ApplyMode = 'tracked' | 'direct' | 'comment';

/** One edit against a paragraph's text as it was read (UTF-16 offsets, NFC). */
export interface ParagraphEdit {
  suggestionId: string;
  start: number;
  end: number;
  original: string;
  /** null: no automatic fix, always inserted as a comment. */
  replacement: string | null;
  /** Comment text (reason) used in comment mode and for fix-less findings. */
  comment: string;
}

/** All edits for one paragraph, with the text the edits were computed against. */
export interface ParagraphEditSet {
  paragraph: HostParagraph;
  edits: ParagraphEdit[];
}

export interface ApplyResult {
  applied: string[];
  /** Suggestions skipped because their paragraph changed since the check. */
  stale: string[];
  /** Suggestions whose text could not be located exactly. */
  failed: string[];
  /** The mode actually used (may fall back to 'direct' without WordApi 1.4). */
  modeUsed: ApplyMode;
  /** Set when the requested mode was unavailable, e.g. 'no-wordapi-1.4'. */
  fallbackReason?: string;
}

export interface HostCapabilities {
  trackedChanges: boolean;
  comments: boolean;
}

export interface DocumentHost {
  readonly kind: 'word' | 'browser';
  capabilities(): HostCapabilities;
  /** Selected text (NFC); '' when nothing is selected. */
  getSelectionText(): Promise<string>;
  /** The whole body as text (NFC), paragraphs joined with '\n'. */
  getBodyText(): Promise<string>;
  /** Paragraphs of the selection, or of the whole body when `scope` is 'body'. */
  getParagraphs(scope: 'selection' | 'body'): Promise<HostParagraph[]>;
  /** Inserts formatted content. */
  insertBlocks(blocks: Block[], mode: InsertMode): Promise<void>;
  /** Applies proofreading edits, skipping paragraphs whose text changed. */
  applyEdits(sets: ParagraphEditSet[], mode: ApplyMode): Promise<ApplyResult>;
  /** Selects the span in the document (Go to). */
  select(paragraph: HostParagraph, start: number, end: number): Promise<boolean>;
  /** Called when the document changes (not for the pane's own edits). */
  onChange(listener: () => void): () => void;
}
