/**
 * Focus in the suggestion list: after Accept/Ignore it moves to the next card once the
 * acted-on card has gone (decisions in card-focus.ts); arrow keys, Home and End move
 * between cards.
 */
import { useLayoutEffect, useRef, type KeyboardEvent } from 'react';
import { cardForKey, focusAfterRemoving, settleFocus, type PendingFocus } from './card-focus';
import type { ProofItem } from './useProofread';

export function useCardFocus(shown: ProofItem[]) {
  const cards = useRef(new Map<string, HTMLLIElement>());
  const summaryRef = useRef<HTMLDivElement>(null);
  const pending = useRef<PendingFocus | null>(null);

  useLayoutEffect(() => {
    if (!pending.current) return;
    const step = settleFocus(pending.current, shown);
    if (step.kind === 'wait') return;
    pending.current = null;
    const target = step.id ? cards.current.get(step.id) : undefined;
    if (target) target.focus();
    else if (step.kind === 'move') summaryRef.current?.focus();
  }, [shown]);

  /** Call before acting on `ids`: where focus goes once they leave the list. */
  const willRemove = (ids: string[]) => {
    pending.current = focusAfterRemoving(shown, ids);
  };

  const onCardKey = (e: KeyboardEvent<HTMLLIElement>, id: string) => {
    if (e.target !== e.currentTarget) return;
    const to = cardForKey(shown, id, e.key);
    if (to === null) return;
    e.preventDefault();
    if (to) cards.current.get(to)?.focus();
  };

  /** The ref callback for a card's element. */
  const cardRef = (id: string) => (el: HTMLLIElement | null) => {
    if (el) cards.current.set(id, el);
    else cards.current.delete(id);
  };

  return { summaryRef, willRemove, onCardKey, cardRef };
}
