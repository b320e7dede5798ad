/** The span rule (kernel/edits/span.ts): when two edits cannot both be applied in one go. */
import fc from 'fast-check';
import { byPosition, spansClash, type Span } from '../../../../kernel/edits/span';

const span = (start: number, end: number): Span => ({ start, end });

describe('spansClash', () => {
  it('non-empty spans clash when they share a character, not when they only meet', () => {
    expect(spansClash(span(0, 3), span(2, 5))).toBe(true);
    expect(spansClash(span(0, 3), span(3, 5))).toBe(false);
    expect(spansClash(span(3, 5), span(0, 3))).toBe(false);
    expect(spansClash(span(0, 10), span(4, 6))).toBe(true);
  });

  it('an insertion clashes with a span it lies inside or touches at either edge', () => {
    expect(spansClash(span(4, 4), span(2, 6))).toBe(true); // inside
    expect(spansClash(span(6, 6), span(2, 6))).toBe(true); // at the end (the "lastEnd" case)
    expect(spansClash(span(2, 6), span(6, 6))).toBe(true);
    expect(spansClash(span(2, 2), span(2, 6))).toBe(true); // at the start
    expect(spansClash(span(7, 7), span(2, 6))).toBe(false);
    expect(spansClash(span(1, 1), span(2, 6))).toBe(false);
  });

  it('two insertions clash only at the same point', () => {
    expect(spansClash(span(3, 3), span(3, 3))).toBe(true);
    expect(spansClash(span(3, 3), span(4, 4))).toBe(false);
  });

  const arbSpan = fc.tuple(fc.nat(20), fc.nat(5)).map(([s, len]) => span(s, s + len));

  it('is symmetric', () => {
    fc.assert(fc.property(arbSpan, arbSpan, (a, b) => spansClash(a, b) === spansClash(b, a)));
  });

  it('agrees with "some position is covered by both, or an insertion point sits in the other closed span"', () => {
    // an independent statement of the rule, position by position
    const covers = (s: Span, i: number) => s.start <= i && i < s.end;
    const reference = (a: Span, b: Span) => {
      const empty = (s: Span) => s.start === s.end;
      if (empty(a)) return b.start <= a.start && a.start <= b.end;
      if (empty(b)) return a.start <= b.start && b.start <= a.end;
      for (let i = 0; i < 30; i++) if (covers(a, i) && covers(b, i)) return true;
      return false;
    };
    fc.assert(fc.property(arbSpan, arbSpan, (a, b) => spansClash(a, b) === reference(a, b)));
  });

  it('orders by start, an insertion before a span starting at the same point', () => {
    expect([span(3, 5), span(3, 3), span(1, 2)].sort(byPosition)).toEqual([span(1, 2), span(3, 3), span(3, 5)]);
  });
});
