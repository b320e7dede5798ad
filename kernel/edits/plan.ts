/**
 * Planning a batch of edits against one paragraph's text: position order, and of two
 * edits that clash (span.ts) the earlier one wins. Used by every host's applyEdits, the
 * pane's buildEditSets and the relay's document writers, so they keep and drop the same edits.
 */
import { byPosition, spansClash, type Span } from './span';

export interface EditPlan<E extends Span> {
  /** Edits to apply, in position order; no two clash. */
  kept: E[];
  /** Edits dropped because they clash with an earlier kept edit, in position order. */
  clashing: E[];
}

export interface PlanOptions<E> {
  /**
   * Asked about every edit that clashes with no kept edit; may refuse it for the caller's own
   * reasons (a host that cannot place it). A refused edit is neither kept nor blocks later ones.
   */
  tryKeep?: (edit: E) => boolean;
  /** Told about each clashing edit when it is met, so callers can report in position order. */
  onClash?: (edit: E) => void;
}

/**
 * Goes through `edits` in position order and keeps each one that clashes with no edit kept
 * before it (and that `tryKeep` accepts).
 */
export function planEdits<E extends Span>(edits: readonly E[], options: PlanOptions<E> = {}): EditPlan<E> {
  const kept: E[] = [];
  const clashing: E[] = [];
  for (const edit of [...edits].sort(byPosition)) {
    // kept edits are in position order and pairwise clear, so only the last can reach this one
    const last = kept[kept.length - 1];
    if (last && spansClash(last, edit)) {
      clashing.push(edit);
      options.onClash?.(edit);
    } else if (!options.tryKeep || options.tryKeep(edit)) kept.push(edit);
  }
  return { kept, clashing };
}
