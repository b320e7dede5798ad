/** Narrowing an edit to its smallest span (kernel/edits/narrow.ts). */
import fc from 'fast-check';
import { narrowEdit, sharedEnds } from '../../../../kernel/edits/narrow';

const apply = (text: string, e: { start: number; end: number; replacement: string }) =>
  text.slice(0, e.start) + e.replacement + text.slice(e.end);
const isLow = (s: string, i: number) => /[\uDC00-\uDFFF]/.test(s[i] ?? '');

describe('narrowEdit', () => {
  it('keeps only the part that changes', () => {
    expect(narrowEdit(10, '되요', '돼요')).toEqual({ start: 10, end: 11, original: '되', replacement: '돼' });
    expect(narrowEdit(0, '좋은것', '좋은 것')).toEqual({ start: 2, end: 2, original: '', replacement: ' ' });
  });

  it('keeps one character to search for when asked (Word)', () => {
    expect(narrowEdit(0, '좋은것', '좋은 것', { keepOneCharacter: true })).toEqual({
      start: 2,
      end: 3,
      original: '것',
      replacement: ' 것',
    });
    expect(narrowEdit(5, '가나', '가', { keepOneCharacter: true })).toEqual({ start: 6, end: 7, original: '나', replacement: '' });
    // nothing to keep: the edit as it was
    expect(narrowEdit(3, '', '가', { keepOneCharacter: true })).toEqual({ start: 3, end: 3, original: '', replacement: '가' });
  });

  it('never splits a surrogate pair', () => {
    // 😀 and 😃 share their high surrogate
    expect(narrowEdit(0, 'a😀b', 'a😃b')).toEqual({ start: 1, end: 3, original: '😀', replacement: '😃' });
    expect(sharedEnds('😀', '😃')).toEqual({ prefix: 0, suffix: 0 });
  });

  const alphabet = fc.constantFrom('가', '나', ' ', 'a', '😀', '😃', '.');
  const str = fc.array(alphabet, { maxLength: 8 }).map((a) => a.join(''));

  it('applying the narrowed edit gives the same text as applying the whole edit', () => {
    fc.assert(
      fc.property(str, str, str, str, fc.boolean(), (before, original, replacement, after, keepOneCharacter) => {
        const text = before + original + after;
        const whole = { start: before.length, end: before.length + original.length, replacement };
        const narrowed = narrowEdit(before.length, original, replacement, { keepOneCharacter });
        expect(apply(text, narrowed)).toBe(apply(text, whole));
        expect(text.slice(narrowed.start, narrowed.end)).toBe(narrowed.original);
        expect(narrowed.original.length).toBeLessThanOrEqual(original.length);
        // whole surrogate pairs only, at both ends of both sides
        for (const s of [narrowed.original, narrowed.replacement]) expect(isLow(s, 0)).toBe(false);
        expect(isLow(text, narrowed.start) || isLow(text, narrowed.end)).toBe(false);
        if (keepOneCharacter && original.length > 0 && original !== replacement) expect(narrowed.original.length).toBeGreaterThan(0);
      }),
    );
  });
});
