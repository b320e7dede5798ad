/** Focus decisions of the suggestion list: addin/src/ui/proofread/card-focus.ts */
import { cardForKey, focusAfterRemoving, settleFocus } from '../../../../../../addin/src/ui/proofread/card-focus';

const list = (...ids: string[]) => ids.map((id) => ({ id }));

describe('card focus', () => {
  it('after removing cards, goes to the next one shown, else the previous one', () => {
    expect(focusAfterRemoving(list('a', 'b', 'c'), ['b'])).toEqual({ from: ['b'], to: 'c' });
    expect(focusAfterRemoving(list('a', 'b', 'c'), ['b', 'c'])).toEqual({ from: ['b', 'c'], to: 'a' });
    expect(focusAfterRemoving(list('a'), ['a'])).toEqual({ from: ['a'], to: null });
  });

  it('waits while the acted-on card is still there and not stale', () => {
    expect(settleFocus({ from: ['b'], to: 'c' }, list('a', 'b', 'c'))).toEqual({ kind: 'wait' });
  });

  it('stays on a card that was not applied (stale), only when it was the one acted on', () => {
    const shown = [{ id: 'a' }, { id: 'b', stale: true }, { id: 'c' }];
    expect(settleFocus({ from: ['b'], to: 'c' }, shown)).toEqual({ kind: 'stay', id: 'b' });
    expect(settleFocus({ from: ['a', 'b'], to: 'c' }, shown)).toEqual({ kind: 'stay', id: null });
  });

  it('moves to the planned card once the acted-on ones are gone, else to the first, else nowhere (the summary)', () => {
    expect(settleFocus({ from: ['b'], to: 'c' }, list('a', 'c'))).toEqual({ kind: 'move', id: 'c' });
    expect(settleFocus({ from: ['b'], to: 'x' }, list('a', 'c'))).toEqual({ kind: 'move', id: 'a' });
    expect(settleFocus({ from: ['b'], to: null }, [])).toEqual({ kind: 'move', id: null });
  });

  it('moves between cards with arrows, Home and End; other keys are not its business', () => {
    const shown = list('a', 'b', 'c');
    expect(cardForKey(shown, 'b', 'ArrowDown')).toBe('c');
    expect(cardForKey(shown, 'b', 'ArrowUp')).toBe('a');
    expect(cardForKey(shown, 'a', 'ArrowUp')).toBeUndefined();
    expect(cardForKey(shown, 'b', 'Home')).toBe('a');
    expect(cardForKey(shown, 'a', 'End')).toBe('c');
    expect(cardForKey(shown, 'a', 'Enter')).toBeNull();
  });
});
