import { finalMood, looksLikeSentence } from '../../../../../../server/proofread/packs/general/punctuation-final';
import { isPaired } from '../../../../../../server/proofread/packs/general/punctuation-stray';

describe('punctuation-final helpers', () => {
  it.each([
    ['참석하십니까', 'question'],
    ['갑니까', 'question'],
    ['먹을까요', 'question'],
    ['했니', 'question'],
    ['없니', 'question'],
    ['감사합니다', 'statement'],
    ['있습니다', 'statement'],
    ['맙시다', 'statement'],
    ['가요', null],
    ['말이에요', null],
    ['나요', null],
    ['어머니', null],
    ['느낌이랄까', null],
    ['다', null],
  ])('finalMood(%s) = %s', (w, mood) => expect(finalMood(w)).toBe(mood));

  it('treats list items, headings and one-word lines as non-sentences', () => {
    expect(looksLikeSentence('회의는 내일 열립니다')).toBe(true);
    expect(looksLikeSentence('1. 회의는 내일 열립니다')).toBe(false);
    expect(looksLikeSentence('가) 신청합니다')).toBe(false);
    expect(looksLikeSentence('(1) 신청합니다')).toBe(false);
    expect(looksLikeSentence('- 신청합니다')).toBe(false);
    expect(looksLikeSentence('• 신청합니다')).toBe(false);
    expect(looksLikeSentence('제3조 적용합니다')).toBe(false);
    expect(looksLikeSentence('감사합니다')).toBe(false);
  });
});

describe('punctuation-stray isPaired', () => {
  const at = (s: string, ch: string) => s.lastIndexOf(ch);
  it('recognises closers with an opener before them', () => {
    expect(isPaired('발명(이하 "발명"이라 한다) 또는', at('발명(이하 "발명"이라 한다) 또는', ')'))).toBe(true);
    expect(isPaired('쓰레기통이) 없는', at('쓰레기통이) 없는', ')'))).toBe(false);
  });
  it('recognises symmetric marks closing an odd one before', () => {
    const s = '"후출원발명" 이라';
    expect(isPaired(s, at(s, '"'))).toBe(true);
    expect(isPaired('있는" 곳은', 2)).toBe(false);
    const c = "‘쉬는' 문화";
    expect(isPaired(c, at(c, "'"))).toBe(true);
  });
  it('recognises an opener whose closer follows', () => {
    const s = '함수( x ) 호출';
    expect(isPaired(s, at(s, '('))).toBe(true);
    expect(isPaired('숙소까지{ 얼마나', 4)).toBe(false);
  });
  it('never pairs other marks', () => {
    expect(isPaired('받을+ 수', 2)).toBe(false);
  });
});
