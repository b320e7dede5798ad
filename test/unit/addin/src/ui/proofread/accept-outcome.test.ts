/** What an accept did to the pane's list: addin/src/ui/proofread/accept-outcome.ts */
import { buildEditSets } from '../../../../../../addin/src/core/suggestions';
import type { ApplyResult, HostParagraph } from '../../../../../../addin/src/host/DocumentHost';
import { acceptOutcome } from '../../../../../../addin/src/ui/proofread/accept-outcome';
import { sug } from '../../../../../helpers/suggestions';

const P0 = '할수있는 일이 됬다.';
const paras = new Map<string, HostParagraph>([['p0', { index: 0, text: P0 }]]);
const su = sug({ id: 'a', start: 0, end: 2, original: '할수', replacement: '할 수' });
const doe = sug({ id: 'c', start: 8, end: 10, original: '됬다', replacement: '됐다' });
const inside = sug({ id: 'x', start: 1, end: 3, original: '수있' });
const result = (over: Partial<ApplyResult>): ApplyResult => ({ applied: [], stale: [], failed: [], modeUsed: 'tracked', ...over });

describe('acceptOutcome', () => {
  it('removes applied cards, records the new text, moves the other cards and staleness for clashing ones', () => {
    const plan = buildEditSets([su], paras, () => '');
    const out = acceptOutcome([su, doe, inside], plan, result({ applied: ['a'] }), paras);
    expect(out.items.map((i) => [i.id, i.start, !!i.stale])).toEqual([
      ['c', 9, false],
      ['x', 1, true],
    ]);
    expect(out.changed.get('p0')).toEqual({
      paragraph: { index: 0, text: '할 수있는 일이 됬다.' },
      edits: [expect.objectContaining({ start: 0, end: 2, replacement: '할 수' })],
    });
    expect([...out.touched]).toEqual(['p0']);
  });

  it('in comment mode the text stays: cards do not move', () => {
    const plan = buildEditSets([su], paras, () => '');
    const out = acceptOutcome([su, doe], plan, result({ applied: ['a'], modeUsed: 'comment' }), paras);
    expect(out.items).toEqual([doe]);
    expect(out.changed.size).toBe(0);
    expect([...out.touched]).toEqual(['p0']);
  });

  it('cards the host reported stale or failed turn stale; a skipped one only when it no longer fits', () => {
    const plan = buildEditSets([su, doe, inside], paras, () => '');
    expect(plan.skipped).toEqual(['x']);
    const out = acceptOutcome([su, doe, inside], plan, result({ applied: [], failed: ['a'], stale: ['c'] }), paras);
    expect(out.items.map((i) => [i.id, !!i.stale])).toEqual([
      ['a', true],
      ['c', true],
      ['x', false],
    ]);
  });
});
