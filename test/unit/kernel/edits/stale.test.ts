/** The stale comparison (kernel/edits/stale.ts). */
import { editedSince, reading, spanHolds, spanInside } from '../../../../kernel/edits/stale';

describe('editedSince', () => {
  it('is false while the paragraph reads as checked, whatever its normal form', () => {
    const checked = '할 수 있다';
    expect(editedSince(checked, checked)).toBe(false);
    expect(editedSince(checked, checked.normalize('NFD'))).toBe(false);
    expect(reading(checked.normalize('NFD'))).toBe(checked);
  });

  it('is true once the user changed the text', () => {
    expect(editedSince('할 수 있다', '할 수 있다.')).toBe(true);
    expect(editedSince('할 수 있다', '')).toBe(true);
  });
});

describe('spanHolds', () => {
  const text = '그 일이 됬다.';
  it('holds when the span still has its original', () => {
    expect(spanHolds(text, { start: 5, end: 7, original: '됬다' })).toBe(true);
    expect(spanHolds(text, { start: 8, end: 8, original: '' })).toBe(true);
  });

  it('fails on other text, or offsets outside the paragraph or not whole', () => {
    expect(spanHolds(text, { start: 5, end: 7, original: '됐다' })).toBe(false);
    expect(spanHolds(text, { start: 9, end: 9, original: '' })).toBe(false);
    expect(spanHolds(text, { start: -1, end: 1, original: '그' })).toBe(false);
    expect(spanHolds(text, { start: 2, end: 1, original: '' })).toBe(false);
    expect(spanHolds(text, { start: 0.5, end: 1, original: '' })).toBe(false);
  });
});

describe('spanInside', () => {
  it("takes whole offsets from 0 to the text's length, start not after end", () => {
    expect(spanInside('가나', { start: 0, end: 2 })).toBe(true);
    expect(spanInside('가나', { start: 2, end: 2 })).toBe(true);
    expect(spanInside('가나', { start: 1, end: 3 })).toBe(false);
    expect(spanInside('가나', { start: 1, end: 0 })).toBe(false);
    expect(spanInside('가나', { start: -1, end: 0 })).toBe(false);
    expect(spanInside('가나', { start: 0, end: 1.5 })).toBe(false);
  });
});
