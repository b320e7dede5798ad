/** Planning a batch of edits (kernel/edits/plan.ts). */
import fc from 'fast-check';
import { planEdits } from '../../../../kernel/edits/plan';
import { spansClash } from '../../../../kernel/edits/span';

interface E {
  id: string;
  start: number;
  end: number;
}
const e = (id: string, start: number, end: number): E => ({ id, start, end });
const ids = (list: E[]) => list.map((x) => x.id);

describe('planEdits', () => {
  it('keeps edits in position order and drops the later of two that clash', () => {
    const plan = planEdits([e('c', 8, 9), e('a', 0, 3), e('b', 2, 5), e('d', 3, 3)]);
    expect(ids(plan.kept)).toEqual(['a', 'c']);
    expect(ids(plan.clashing)).toEqual(['b', 'd']);
  });

  it("an insertion at the previous edit's end waits for the next round", () => {
    const plan = planEdits([e('word', 2, 3), e('space', 3, 3), e('next', 3, 5)]);
    expect(ids(plan.kept)).toEqual(['word', 'next']);
    expect(ids(plan.clashing)).toEqual(['space']);
  });

  it('an edit tryKeep refuses neither is kept nor blocks a later one', () => {
    const seen: string[] = [];
    const plan = planEdits([e('a', 0, 4), e('b', 2, 6), e('c', 5, 7)], {
      tryKeep: (x) => x.id !== 'a',
      onClash: (x) => seen.push(x.id),
    });
    expect(ids(plan.kept)).toEqual(['b']);
    expect(ids(plan.clashing)).toEqual(['c']);
    expect(seen).toEqual(['c']);
  });

  const arbEdits = fc
    .array(
      fc.tuple(fc.nat(30), fc.nat(4)).map(([s, len]) => ({ start: s, end: s + len })),
      { maxLength: 25 },
    )
    .map((list) => list.map((x, i) => ({ id: `e${i}`, ...x })));

  it('kept edits never clash with one another, and each dropped one clashes with a kept one', () => {
    fc.assert(
      fc.property(arbEdits, fc.func(fc.boolean()), (edits, refuse) => {
        const plan = planEdits(edits, { tryKeep: (x) => !refuse(x.id) });
        for (let i = 0; i < plan.kept.length; i++)
          for (let j = i + 1; j < plan.kept.length; j++) expect(spansClash(plan.kept[i]!, plan.kept[j]!)).toBe(false);
        for (const c of plan.clashing) expect(plan.kept.some((k) => spansClash(k, c))).toBe(true);
        for (let i = 1; i < plan.kept.length; i++) expect(plan.kept[i - 1]!.start).toBeLessThanOrEqual(plan.kept[i]!.start);
      }),
    );
  });

  it('with no refusals, every edit is either kept or clashing', () => {
    fc.assert(
      fc.property(arbEdits, (edits) => {
        const plan = planEdits(edits);
        expect([...ids(plan.kept), ...ids(plan.clashing)].sort()).toEqual(ids(edits).sort());
      }),
    );
  });
});
