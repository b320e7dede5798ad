/** Reading a draft's grounding: addin/src/ui/generate/grounding.ts */
import { readGrounding } from '../../../../../../addin/src/ui/generate/grounding';

const host = (selection: string, body: string) => ({
  getSelectionText: async () => selection,
  getBodyText: async () => body,
});

describe('readGrounding', () => {
  it('reads nothing for none', async () => {
    expect(await readGrounding(host('선택', '본문'), 'none')).toEqual({});
  });
  it('reads the selection or the whole document', async () => {
    expect(await readGrounding(host('선택', '본문'), 'selection')).toEqual({ text: '선택' });
    expect(await readGrounding(host('선택', '본문'), 'document')).toEqual({ text: '본문' });
  });
  it('names the empty one as the problem', async () => {
    expect(await readGrounding(host('  \n', '본문'), 'selection')).toEqual({ problem: 'selection' });
    expect(await readGrounding(host('선택', ''), 'document')).toEqual({ problem: 'document' });
  });
});
