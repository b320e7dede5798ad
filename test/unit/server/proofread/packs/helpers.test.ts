import { readFileSync } from 'fs';
import { join } from 'path';
import { suggestDocType } from '../../../../../server/proofread/doc-type';
import { koreanReadingToNumber, numberToKoreanReading } from '../../../../../server/proofread/packs/official/korean-number';
import { fitParticle } from '../../../../../server/proofread/packs/contract/particles';
import { parseClaims } from '../../../../../server/proofread/packs/patent/claims';
import { findDefinitions, parseArticles } from '../../../../../server/proofread/packs/contract/structure';
import { itemMarker } from '../../../../../server/proofread/packs/official/rules';
import {
  LEGAL_TEMPLATES,
  buildClaimsPrompt,
  buildContractClausePrompt,
  buildOfficialDraftPrompt,
  listLegalTemplates,
} from '../../../../../server/generation/legal-templates';
import { PACKS } from '../../../../../server/proofread/packs';
import { runRule } from '../../../../../server/proofread/run-rules';

const FIX = join(__dirname, '../../../../fixtures');
const read = (p: string) => readFileSync(join(FIX, p), 'utf8').replace(/\n$/, '').split('\n');

describe('suggestDocType', () => {
  it.each([
    ['patent/clean.txt', 'patent'],
    ['patent/planted.txt', 'patent'],
    ['official/clean.txt', 'official'],
    ['official/planted.txt', 'official'],
    ['contract/clean.txt', 'contract'],
    ['contract/planted.txt', 'contract'],
  ])('%s -> %s', (file, type) => expect(suggestDocType(read(file))).toBe(type));

  it('plain prose is general', () => {
    expect(suggestDocType(['오늘은 날씨가 좋다.', '계약 이야기는 내일 하자.'])).toBe('general');
    expect(suggestDocType([])).toBe('general');
  });

  it('plain claim numbering inside 【청구범위】 is patent', () => {
    expect(suggestDocType(['【청구범위】', '청구항 1. 장치.', '청구항 2. 제1항에 있어서, 장치.'])).toBe('patent');
  });

  it('a short 공문 with 수신 / 붙임 / 끝. is official', () => {
    expect(suggestDocType(['수신  내부결재', '제목  회의 개최', '회의를 엽니다.', '붙임  자료 1부.  끝.'])).toBe('official');
  });

  it('articles with 갑/을 are a contract', () => {
    expect(suggestDocType(['제1조(목적) 이 계약은 갑과 을의 거래를 정한다.', '제2조(대금) 갑은 을에게 대금을 지급한다.'])).toBe('contract');
  });
});

describe('Korean number reading', () => {
  it.each([
    [113560, '일십일만삼천오백육십'],
    [3000000, '삼백만'],
    [1500000, '일백오십만'],
    [10000, '일만'],
    [100010001, '일억일만일'],
    [0, '영'],
  ])('%d -> %s', (n, s) => {
    expect(numberToKoreanReading(n)).toBe(s);
    expect(koreanReadingToNumber(`금${s}원`)).toBe(n);
  });
  it('parses readings without the leading 일 and with 정', () => {
    expect(koreanReadingToNumber('금십일만삼천오백육십원정')).toBe(113560);
    expect(numberToKoreanReading(113560, { explicitOne: false })).toBe('십일만삼천오백육십');
  });
  it('round-trips', () => {
    for (let n = 0; n < 50000; n += 7) expect(koreanReadingToNumber(numberToKoreanReading(n))).toBe(n);
  });
  it('rejects non-readings', () => {
    expect(koreanReadingToNumber('abc')).toBeNull();
    expect(koreanReadingToNumber('일이')).toBeNull();
  });
});

describe('particles', () => {
  it.each([
    ['갑', '는', '은'],
    ['을', '가', '이'],
    ['본 계약', '를', '을'],
    ['서비스', '은', '는'],
    ['산출물', '로', '로'],
    ['계약', '로', '으로'],
    ['MOU', '을', '를'],
  ])('%s + %s -> %s', (w, p, want) => expect(fitParticle(w, p)).toBe(want));
});

describe('parsers', () => {
  it('parses claims, citations and kinds', () => {
    const { claims } = parseClaims(read('patent/clean.txt'));
    expect(claims.map((c) => c.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(claims[0]!.citation).toBeNull();
    expect(claims[3]!.citation!.numbers).toEqual([1, 2]);
    expect(claims[3]!.citation!.kind).toBe('list');
    expect(claims[5]!.citation!.numbers).toEqual([1, 2, 3]);
    expect(claims[5]!.citation!.anyOne).toBe(true);
  });

  it('parses plain "청구항 N." and "N." numbering inside 【청구범위】', () => {
    const { claims } = parseClaims([
      '【청구범위】',
      '청구항 1. 센서를 포함하는 장치.',
      '2. 제1항에 있어서, 상기 센서는 온도 센서인 장치.',
      '【요약서】',
    ]);
    expect(claims.map((c) => [c.number, c.citation?.numbers ?? null])).toEqual([
      [1, null],
      [2, [1]],
    ]);
  });

  it('parses "청구항 N에 있어서" citations', () => {
    const { claims } = parseClaims(['【청구항 1】', '장치.', '【청구항 2】', '청구항 1에 있어서, 장치.']);
    expect(claims[1]!.citation!.numbers).toEqual([1]);
  });

  it('finds definitions and articles in the contract', () => {
    const p = read('contract/clean.txt');
    expect(findDefinitions(p).map((d) => d.term)).toEqual(['갑', '을', '본 용역', '본 계약', '산출물', '검수']);
    expect(findDefinitions(p)[0]!.antecedent!.text).toBe('주식회사 한빛소프트');
    const arts = parseArticles(p);
    expect(arts.map((a) => a.key)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10']);
    expect([...arts[5]!.paras]).toEqual([1, 2, 3]);
  });

  it('recognises the item markers of every level', () => {
    expect(['1. 가', '가. 나', '1) 다', '가) 라', '(1) 마', '(가) 바', '① 사', '㉮ 아'].map((s) => itemMarker(s)!.level)).toEqual([
      0, 1, 2, 3, 4, 5, 6, 7,
    ]);
  });
});

describe('legal templates', () => {
  it('lists ids, Korean/English labels and the pack to run', () => {
    const list = listLegalTemplates();
    expect(list.map((t) => [t.id, t.pack])).toEqual([
      ['patent-claims', 'patent'],
      ['patent-description', 'patent'],
      ['official-draft', 'official'],
      ['contract-clause', 'contract'],
    ]);
    for (const t of list) {
      expect(t.label.ko).toBeTruthy();
      expect(t.label.en).toBeTruthy();
      expect(Object.keys(PACKS)).toContain(t.pack);
    }
  });

  it('builds pure {system, user} prompts', () => {
    const a = buildClaimsPrompt({ description: '제어부(110)와 센서(120)를 포함한다.', dependentCount: 3 });
    expect(a.system).toMatch(/상기/);
    expect(a.system).toMatch(/시행령 제5조/);
    expect(a.user).toMatch(/종속항 3개/);
    expect(a.user).toContain('제어부(110)');
    expect(buildClaimsPrompt({ description: 'x' })).toEqual(buildClaimsPrompt({ description: 'x' }));
    const o = buildOfficialDraftPrompt({
      agency: '행정안전부',
      recipient: '수신자 참조',
      title: '회의 개최',
      points: ['일시 3월 14일'],
      attachments: ['계획 1부'],
    });
    expect(o.system).toMatch(/끝\./);
    expect(o.user).toContain('- 일시 3월 14일');
    const c = buildContractClausePrompt({
      description: '지체상금',
      article: { number: 7, title: '지체상금' },
      definedTerms: ['갑', '을'],
      existingArticles: { 5: 1, 6: 3 },
    });
    expect(c.user).toContain('제7조(지체상금)');
    expect(c.user).toContain('제6조(제1항∼제6항)'.replace('제6항', '제3항'));
    for (const t of LEGAL_TEMPLATES) expect(typeof t.build).toBe('function');
  });

  it('the example drafts the templates ask for pass their pack (template rules agree with the pack)', () => {
    // a draft that follows the official template's rules
    const draft = [
      '수신  수신자 참조',
      '제목  회의 개최',
      '1. 일시: 2025. 3. 14. 15:20',
      '2. 장소: 대회의실',
      '붙임  회의 자료 1부.  끝.',
      '행정안전부장관',
    ];
    expect(PACKS.official.flatMap((r) => runRule(r, draft))).toEqual([]);
  });
});
