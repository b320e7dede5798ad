import { deletionPoints, touchesDeletion } from '../../../../../../addin/src/host/word/revisions';

describe('deletionPoints (Paragraph.text with tracked deletions vs current text)', () => {
  it('is empty when the texts agree', () => {
    expect(deletionPoints('가나다', '가나다')).toEqual([]);
  });
  it('places each deleted piece at its offset in the current text', () => {
    expect(deletionPoints('되돼요 그리고 되요.', '돼요 그리고 되요.')).toEqual([0]);
    expect(deletionPoints('가나다라마', '가나라마')).toEqual([2]);
    expect(deletionPoints('AxBCyD', 'ABCD')).toEqual([1, 3]);
  });
  it('is null when the current text has something the text lacks (cannot be mapped)', () => {
    expect(deletionPoints('가나다', '가나다라')).toBeNull();
    expect(deletionPoints('abc', 'acb')).toBeNull();
  });
  it('touchesDeletion counts both edges as touching', () => {
    expect(touchesDeletion([2], 0, 2)).toBe(true);
    expect(touchesDeletion([2], 2, 3)).toBe(true);
    expect(touchesDeletion([2], 3, 4)).toBe(false);
    expect(touchesDeletion([], 0, 9)).toBe(false);
  });
});
