/** Which insert buttons a result shows: addin/src/ui/result/insert-modes.ts */
import { insertModes } from '../../../../../../addin/src/ui/result/insert-modes';

describe('insertModes', () => {
  it('puts the primary mode first and the others in their order', () => {
    expect(insertModes('below', true)).toEqual({ primary: 'below', modes: ['below', 'replace', 'cursor', 'comment'] });
    expect(insertModes('comment', true)).toEqual({ primary: 'comment', modes: ['comment', 'below', 'replace', 'cursor'] });
  });
  it('offers Replace selection only with a selection; a wanted Replace falls back to Below', () => {
    expect(insertModes('below', false)).toEqual({ primary: 'below', modes: ['below', 'cursor', 'comment'] });
    expect(insertModes('replace', false)).toEqual({ primary: 'below', modes: ['below', 'cursor', 'comment'] });
    expect(insertModes('replace', true)).toEqual({ primary: 'replace', modes: ['replace', 'below', 'cursor', 'comment'] });
  });
});
