/** Applying a planned batch of edits to a paragraph's text (kernel/edits/apply.ts). */
import fc from 'fast-check';
import { applyEditsToText } from '../../../../kernel/edits/apply';
import { planEdits } from '../../../../kernel/edits/plan';

describe('applyEditsToText', () => {
  it('applies every edit against the original offsets, whatever their order', () => {
    const text = '할수있는 일이 됬다.';
    const edits = [
      { start: 8, end: 10, replacement: '됐다' },
      { start: 0, end: 2, replacement: '할 수' },
    ];
    expect(applyEditsToText(text, edits)).toBe('할 수있는 일이 됐다.');
  });

  it('leaves the text alone for an edit without a replacement (a comment)', () => {
    expect(applyEditsToText('가나다', [{ start: 0, end: 1, replacement: null }])).toBe('가나다');
  });

  it('on planned edits, equals applying them left to right with shifted offsets', () => {
    const arb = fc.tuple(
      fc.string({ maxLength: 30 }),
      fc.array(fc.tuple(fc.nat(30), fc.nat(4), fc.string({ maxLength: 3 })), { maxLength: 10 }),
    );
    fc.assert(
      fc.property(arb, ([text, raw]) => {
        const edits = raw
          .filter(([s, len]) => s + len <= text.length)
          .map(([start, len, replacement]) => ({ start, end: start + len, replacement }));
        const { kept } = planEdits(edits);
        let shifted = text;
        let delta = 0;
        for (const e of kept) {
          shifted = shifted.slice(0, e.start + delta) + e.replacement + shifted.slice(e.end + delta);
          delta += e.replacement.length - (e.end - e.start);
        }
        expect(applyEditsToText(text, kept)).toBe(shifted);
      }),
    );
  });
});
