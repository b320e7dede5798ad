import type { SpellChecker } from '../../../server/proofread/dictionary';
import { DEFAULT_MIN_CONFIDENCE } from '../../../server/proofread/engine';
import { applyReplacements } from '../../../server/proofread/run-rules';
import {
  SPACING_SPLIT_CONFIDENCE,
  SPACING_SPLIT_EXAMPLES,
  spacingSplitSuggestions,
  splitCandidate,
} from '../../../server/proofread/rules/spacing-split';

/** A fake Hunspell with a fixed word list (whole inflected forms, as Hunspell accepts them). */
function fake(words: string[]): SpellChecker {
  const known = new Set(words);
  return { spell: (w) => known.has(w), suggest: () => [] };
}

const sc = fake([
  '스타일', '스타일을', '선호해요', '선호해요.', '저는', '밝은',
  '가을', '가', '야구가', '마을', '마', '대표',
  '산업', '산업은', '행이', '은행이', '발표했다',
  '사과', '사과를', '먹었다', '사과를먹었다',
  '책을', '책', '읽는', '읽는다', '을읽는다',
]);

describe('spacing.split', () => {
  it('splits after an agreeing object/topic particle', () => {
    expect(splitCandidate(sc, '스타일을선호해요')).toBe('스타일을 선호해요');
  });
  it('leaves dictionary words, nouns ending in 을 (가을, 마을) and ambiguous particle syllables alone', () => {
    expect(splitCandidate(sc, '사과를먹었다')).toBeNull(); // Hunspell accepts it
    expect(splitCandidate(sc, '가을야구가')).toBeNull(); // 가+을: 을 needs a final consonant
    expect(splitCandidate(sc, '마을대표')).toBeNull();
    expect(splitCandidate(sc, '산업은행이')).toBeNull(); // 은행이 is a word
    expect(splitCandidate(sc, '책을읽는다')).toBeNull(); // 을읽는다 accepted: ambiguous
  });
  it('runs its examples, skips covered spans and stays below the display threshold', () => {
    for (const ex of SPACING_SPLIT_EXAMPLES.wrong) {
      const out = spacingSplitSuggestions(sc, [{ id: 'p', text: ex.text }]);
      expect(out.length).toBe(1);
      expect(applyReplacements(ex.text, out)).toBe(ex.fixed);
    }
    for (const text of SPACING_SPLIT_EXAMPLES.correct) expect(spacingSplitSuggestions(sc, [{ id: 'p', text }])).toEqual([]);
    const text = '저는 스타일을선호해요';
    expect(spacingSplitSuggestions(sc, [{ id: 'p', text }], [{ paragraphId: 'p', start: 3, end: 6 }])).toEqual([]);
    const [s] = spacingSplitSuggestions(sc, [{ id: 'p', text }]);
    expect(s).toMatchObject({ category: 'spacing', ruleId: 'spacing.split', source: 'dictionary', rule: '한글 맞춤법 제2항, 제41항' });
    expect(SPACING_SPLIT_CONFIDENCE).toBeLessThan(DEFAULT_MIN_CONFIDENCE);
  });
});
