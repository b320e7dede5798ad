/** Which checked paragraphs the user changed since: changedParagraphs in addin/src/ui/proofread/useProofread.ts */
import type { HostParagraph } from '../../../../../../addin/src/host/DocumentHost';
import { changedParagraphs } from '../../../../../../addin/src/ui/proofread/useProofread';

const checked = new Map<string, HostParagraph>([
  ['p0', { index: 0, text: '할수있는 일이 됬다.' }],
  ['p1', { index: 1, text: '그 컨셉은 좋다.' }],
  ['p2', { index: 2, text: '회의가 잘 됬다.' }],
]);

describe('changedParagraphs', () => {
  it('names paragraphs whose text differs and those that are gone', () => {
    const body = [
      { index: 0, text: '할수있는 일이 됬다.' },
      { index: 1, text: '그 컨셉은 좋았다.' },
    ];
    expect([...changedParagraphs(checked, body)]).toEqual(['p1', 'p2']);
  });

  it('looks only at the paragraphs asked about', () => {
    expect([...changedParagraphs(checked, [], new Set(['p0']))]).toEqual(['p0']);
  });

  it('does not count the same text in another normal form as a change', () => {
    const body = [...checked.values()].map((p) => ({ ...p, text: p.text.normalize('NFD') }));
    expect(changedParagraphs(checked, body).size).toBe(0);
  });
});
