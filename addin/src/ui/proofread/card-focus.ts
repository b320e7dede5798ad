/**
 * Where keyboard focus goes in the suggestion list: pure decisions, the DOM side is in
 * useCardFocus.ts. Cards are identified by suggestion id, in the order shown.
 */

/** After an action on `from`: focus `to` once `from` has gone (or stay on `from` if it is still there). */
export interface PendingFocus {
  from: string[];
  to: string | null;
}

/** The card to focus once `ids` leave the list: the next one shown, else the previous one. */
export function focusAfterRemoving(shown: readonly { id: string }[], ids: readonly string[]): PendingFocus {
  const gone = new Set(ids);
  const idx = shown.findIndex((i) => gone.has(i.id));
  const next =
    shown.slice(idx + 1).find((i) => !gone.has(i.id)) ?? [...shown.slice(0, Math.max(0, idx))].reverse().find((i) => !gone.has(i.id));
  return { from: [...ids], to: next?.id ?? null };
}

export type FocusStep =
  /** the acted-on cards are still there and not yet settled: keep waiting */
  | { kind: 'wait' }
  /** an acted-on card stayed (not applied: stale); focus it when it was the only one */
  | { kind: 'stay'; id: string | null }
  /** the acted-on cards are gone: focus this card, or the summary when none is left */
  | { kind: 'move'; id: string | null };

/** What to do with a pending focus once the list shows `shown`. */
export function settleFocus(pending: PendingFocus, shown: readonly { id: string; stale?: boolean }[]): FocusStep {
  const present = new Set(shown.map((i) => i.id));
  if (pending.from.some((id) => present.has(id))) {
    const still = shown.find((i) => pending.from.includes(i.id) && i.stale);
    if (!still) return { kind: 'wait' };
    return { kind: 'stay', id: pending.from.length === 1 ? still.id : null };
  }
  const to = pending.to && present.has(pending.to) ? pending.to : (shown[0]?.id ?? null);
  return { kind: 'move', id: to };
}

/** The card an arrow/Home/End key moves to from `id`; undefined when there is none; null for other keys. */
export function cardForKey(shown: readonly { id: string }[], id: string, key: string): string | undefined | null {
  const i = shown.findIndex((x) => x.id === id);
  if (key === 'ArrowDown') return shown[i + 1]?.id;
  if (key === 'ArrowUp') return shown[i - 1]?.id;
  if (key === 'Home') return shown[0]?.id;
  if (key === 'End') return shown[shown.length - 1]?.id;
  return null;
}
