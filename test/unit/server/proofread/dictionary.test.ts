import { dictionarySuggestions, memoSpell, uniqueNeighbour, type SpellChecker } from '../../../../server/proofread/dictionary';

/** A fake Hunspell: knows a fixed word list and counts spell() calls. */
function fake(words: string[]): SpellChecker & { calls: number } {
  const known = new Set(words);
  const sc = {
    calls: 0,
    spell(w: string) {
      sc.calls++;
      return known.has(w);
    },
    suggest: () => [],
  };
  return sc;
}

describe('dictionary layer', () => {
  it('suggests the unique one-jamo neighbour of an unknown token', () => {
    const sc = fake(['학교', '사과']);
    expect(uniqueNeighbour(sc, '학꾜')).toBe('학교');
    const out = dictionarySuggestions(sc, [{ id: 'p', text: '나는 학꾜에 갔다' }]);
    // 학꾜에: the stem 학꾜 is unknown and the token's only neighbour 학교에 is not a dictionary word → nothing
    expect(out).toEqual([]);
    const out2 = dictionarySuggestions(sc, [{ id: 'p', text: '나는 학꾜 갔다' }]);
    expect(out2.map((s) => [s.original, s.replacement, s.source, s.ruleId])).toEqual([
      ['학꾜', '학교', 'dictionary', 'dictionary.hunspell'],
    ]);
    expect(out2[0]!.confidence).toBeLessThan(0.8);
  });

  it('skips tokens longer than maxSyllables (compounds) and spans covered by rules', () => {
    const sc = fake(['학교']);
    expect(
      dictionarySuggestions(sc, [{ id: 'p', text: '특허출원인들 학꾜' }], { covered: [{ paragraphId: 'p', start: 7, end: 9 }] }),
    ).toEqual([]);
  });

  it('memoises spell() per process: a repeated check does no new lookups', () => {
    const sc = fake(['바다']);
    const paras = [{ id: 'p', text: '바댜 바댜 바댜' }];
    const a = dictionarySuggestions(sc, paras);
    const calls = sc.calls;
    const b = dictionarySuggestions(sc, paras);
    expect(b).toEqual(a);
    expect(a).toHaveLength(3);
    expect(sc.calls).toBe(calls);
    const m = memoSpell(sc);
    m.spell('바다');
    m.spell('바다');
    expect(sc.calls).toBe(calls);
  });
});
