import { locateEdit } from '../../../../server/proofread/model-layer';

describe('locateEdit keeps surrogate pairs whole', () => {
  it('at the end of the span as well as the start', () => {
    const text = '표시 😀 끝';
    const got = locateEdit(text, '😀', '🈀');
    expect(got).toMatchObject({ original: '😀', replacement: '🈀' });
    expect(got!.replacement.isWellFormed()).toBe(true);
    expect(text.slice(got!.start, got!.end)).toBe('😀');
  });
});
