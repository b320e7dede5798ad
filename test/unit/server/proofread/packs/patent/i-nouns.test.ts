/** Issue 16 item 2: a noun's own final 이 (손잡이) is not stripped as a particle. */
import { createEngineSync } from '../../../../../../server/proofread/engine';
import { iNounsIn, stripParticle, termAfterSangi } from '../../../../../../server/proofread/packs/patent/terms';

describe('patent terms ending in 이', () => {
  it.each([
    ['손잡이가', '손잡이'],
    ['손잡이는', '손잡이'],
    ['손잡이', '손잡이'],
    ['손잡이며', '손잡이'],
    ['옷걸이의', '옷걸이'],
    ['칸막이를', '칸막이'],
    ['고정부재가', '고정부재'],
    ['고정부재이며', '고정부재'],
    ['센서부가', '센서부'],
    ['결합이', '결합'],
    ['전극이', '전극'],
    ['전극을', '전극'],
  ])('%s → %s', (word, stem) => {
    expect(stripParticle(word).stem).toBe(stem);
  });

  it('a 이-noun the document shows with another particle keeps its 이', () => {
    const known = iNounsIn('상부 덮개와 고리이를… 아님; 연결 고정핀이를 X. 회전 누름이의 끝단');
    expect(known.has('누름이')).toBe(true);
    expect(stripParticle('누름이가', known).stem).toBe('누름이');
    expect(stripParticle('누름이가').stem).toBe('누름');
  });

  it('"상기 손잡이" shows the whole term', () => {
    expect(termAfterSangi('손잡이가 회전하는 장치')?.display).toBe('손잡이');
  });

  const patent = (claims: string[]) => {
    const paragraphs = claims.flatMap((c, i) => [`【청구항 ${i + 1}】`, c]).map((text, i) => ({ id: `p${i}`, text }));
    return createEngineSync(null)
      .check(paragraphs, { pack: 'patent' })
      .filter((s) => s.ruleId === 'patent.antecedent');
  };

  it('names 손잡이 whole in the antecedent finding (no "손잡")', () => {
    const found = patent(['본체를 포함하고, 상기 손잡이가 회전하는 장치.']);
    expect(found).toHaveLength(1);
    expect(found[0]!.message).toContain('"상기 손잡이"');
    expect(found[0]!.original).toBe('상기 손잡이');
  });

  it('accepts 손잡이 introduced earlier', () => {
    expect(patent(['본체 및 손잡이를 포함하고, 상기 손잡이가 회전하는 장치.'])).toHaveLength(0);
  });
});
