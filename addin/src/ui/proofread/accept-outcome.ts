/**
 * What accepting suggestions did to the pane's list, from the host's ApplyResult: applied
 * cards go, the paragraphs they changed get their new text and their other cards move
 * (or turn stale when an applied edit clashes with them), and cards the host could not
 * apply turn stale. Pure: the hook applies the outcome to its state and refs.
 */
import { applyToText, paragraphId, rebase, type EditSetPlan } from '../../core/suggestions';
import type { ApplyResult, HostParagraph, ParagraphEdit } from '../../host/DocumentHost';
import type { ProofItem } from './proof-state';

export type AcceptedEdit = Pick<ParagraphEdit, 'start' | 'end' | 'replacement'>;

export interface AcceptOutcome {
  items: ProofItem[];
  /** Paragraphs the accepted edits touched (text or comments). */
  touched: Set<string>;
  /** Paragraphs whose text changed: the paragraph with its new text and the text edits applied. */
  changed: Map<string, { paragraph: HostParagraph; edits: AcceptedEdit[] }>;
}

export function acceptOutcome(
  items: readonly ProofItem[],
  plan: EditSetPlan,
  result: ApplyResult,
  paragraphs: ReadonlyMap<string, HostParagraph>,
): AcceptOutcome {
  const applied = new Set(result.applied);
  const touched = new Set<string>();
  const changed = new Map<string, { paragraph: HostParagraph; edits: AcceptedEdit[] }>();
  let next = items.filter((i) => !applied.has(i.id));
  for (const set of plan.sets) {
    const done = set.edits.filter((e) => applied.has(e.suggestionId));
    if (done.length === 0) continue;
    const pid = paragraphId(set.paragraph.index);
    touched.add(pid);
    if (result.modeUsed === 'comment') continue;
    const textEdits = done.filter((e) => e.replacement !== null);
    if (textEdits.length === 0) continue;
    changed.set(pid, { paragraph: { ...set.paragraph, text: applyToText(set.paragraph.text, textEdits) }, edits: textEdits });
    next = moveCards(next, pid, textEdits);
  }
  const bad = new Set([...result.stale, ...result.failed]);
  const skipped = new Set(plan.skipped);
  const textOf = (pid: string) => changed.get(pid)?.paragraph.text ?? paragraphs.get(pid)?.text;
  const fits = (i: ProofItem) => textOf(i.paragraphId)?.slice(i.start, i.end) === i.original;
  next = next.map((i) => (bad.has(i.id) || (skipped.has(i.id) && !fits(i)) ? { ...i, stale: true } : i));
  return { items: next, touched, changed };
}

/** The cards of paragraph `pid` moved through `edits`; those an edit clashes with turn stale. */
function moveCards(items: ProofItem[], pid: string, edits: readonly AcceptedEdit[]): ProofItem[] {
  const { kept, invalid } = rebase(
    items.filter((i) => i.paragraphId === pid),
    edits,
  );
  const keptById = new Map(kept.map((k) => [k.id, k]));
  const invalidSet = new Set(invalid);
  return items.map((i) => (i.paragraphId !== pid ? i : invalidSet.has(i.id) ? { ...i, stale: true } : (keptById.get(i.id) ?? i)));
}
