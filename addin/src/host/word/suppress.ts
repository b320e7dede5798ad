/**
 * Pure: decides whether a document-change event was caused by the pane's own
 * edits. Word reports our own insertText/insertComment as ordinary (Local)
 * paragraph changes, sometimes after the batch has resolved, so we suppress
 * while any own edit is running and for a short grace period afterwards.
 */
export class OwnEditSuppressor {
  private depth = 0;
  private quietUntil = 0;

  constructor(
    private readonly graceMs: number = 500,
    private readonly now: () => number = () => Date.now(),
  ) {}

  /** Runs `fn` as an own edit: events are suppressed until it settles + grace. */
  async run<T>(fn: () => Promise<T>): Promise<T> {
    this.depth++;
    try {
      return await fn();
    } finally {
      this.depth--;
      this.quietUntil = Math.max(this.quietUntil, this.now() + this.graceMs);
    }
  }

  get suppressed(): boolean {
    return this.depth > 0 || this.now() < this.quietUntil;
  }
}
