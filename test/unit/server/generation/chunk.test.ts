import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { chunkText, isHeadingLine, splitUnits } from '../../../../server/generation/chunk';
import { estimateTokens } from '../../../../server/llm/tokens';

const corpus = path.join(__dirname, '../../../../../shared/data/corpus/patent-act.md');

describe('splitUnits', () => {
  test('headings and blank lines start units; concatenation is exact', () => {
    const text = '# 제목\n서문\n\n제1조(목적) 이 법은…\n제2조(정의) 용어의 뜻\n\n\n문단 셋\n';
    const units = splitUnits(text);
    expect(units.map((u) => u.text).join('')).toBe(text);
    expect(units.map((u) => u.text)).toEqual(['# 제목\n서문\n\n', '제1조(목적) 이 법은…\n', '제2조(정의) 용어의 뜻\n\n\n', '문단 셋\n']);
    expect(units.map((u) => u.heading)).toEqual([true, true, true, false]);
  });
  test('statute headings', () => {
    for (const h of ['제1장 총칙', '제3조(정의) 이', '제10조의2 (특례)', '##### 제1조 (목적)', '부칙 <제1234호>', '제2편 특허'])
      expect(isHeadingLine(h)).toBe(true);
    for (const h of ['제1항에 따라', '#해시태그', '이 법 제1조에 따른']) expect(isHeadingLine(h)).toBe(false);
  });
});

describe('chunkText', () => {
  const count = estimateTokens;

  test('short text is one chunk', () => {
    expect(chunkText('짧은 글', { budget: 100, count })).toEqual(['짧은 글']);
    expect(chunkText('', { budget: 100, count })).toEqual([]);
  });

  test('never splits mid-paragraph when paragraphs fit', () => {
    const paras = Array.from({ length: 30 }, (_, i) => `문단 ${i}: ${'가나다라마바사 '.repeat(10)}끝.\n\n`);
    const text = paras.join('');
    const chunks = chunkText(text, { budget: 300, count });
    expect(chunks.join('')).toBe(text);
    for (const c of chunks) {
      expect(count(c)).toBeLessThanOrEqual(300);
      expect(c.endsWith('\n\n')).toBe(true);
    }
    expect(chunks.length).toBeGreaterThan(1);
  });

  test('prefers cutting before headings', () => {
    const section = (n: number) => `## 제${n}장 장 제목\n\n${'본문 문장입니다. '.repeat(20)}\n\n${'둘째 문단입니다. '.repeat(20)}\n\n`;
    const text = Array.from({ length: 6 }, (_, i) => section(i + 1)).join('');
    const chunks = chunkText(text, { budget: Math.ceil(count(section(1)) * 2.3), count });
    expect(chunks.join('')).toBe(text);
    for (const c of chunks) expect(c.startsWith('## 제')).toBe(true);
  });

  test('one paragraph larger than the budget: sentences, then hard cuts', () => {
    const para = '첫 문장입니다. '.repeat(50) + '가'.repeat(500);
    const chunks = chunkText(para, { budget: 60, count });
    expect(chunks.join('')).toBe(para);
    for (const c of chunks) expect(count(c)).toBeLessThanOrEqual(60);
    expect(chunks[0]!.endsWith('다. ')).toBe(true);
  });

  test('surrogate pairs are never cut', () => {
    const text = '😀'.repeat(200);
    const chunks = chunkText(text, { budget: 20, count });
    expect(chunks.join('')).toBe(text);
    for (const c of chunks) expect(c).toMatch(/^(😀)+$/u);
  });

  test('property: concatenation equals input, every chunk within budget', () => {
    const piece = fc.oneof(
      fc.constantFrom('\n', '\n\n', ' ', '# 제목\n', '제3조(정의) ', '## 제2장 총칙\n', '. ', '다. ', '😀', '\r\n', '\t'),
      fc.string({ maxLength: 30 }),
      fc.stringMatching(/^[가-힣 ]{1,40}$/),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 80 }), fc.integer({ min: 8, max: 400 }), fc.boolean(), (parts, budget, balance) => {
        const text = parts.join('');
        const chunks = chunkText(text, { budget, count, balance });
        expect(chunks.join('')).toBe(text);
        for (const c of chunks) {
          expect(c.length).toBeGreaterThan(0);
          expect(count(c)).toBeLessThanOrEqual(budget);
        }
      }),
      { numRuns: 300 },
    );
  });

  (fs.existsSync(corpus) ? test : test.skip)('patent act: exact, within budget, balanced', () => {
    const text = fs.readFileSync(corpus, 'utf8');
    const budget = 30000;
    const chunks = chunkText(text, { budget, count });
    expect(chunks.join('')).toBe(text);
    const sizes = chunks.map(count);
    for (const s of sizes) expect(s).toBeLessThanOrEqual(budget);
    expect(chunks.length).toBeLessThanOrEqual(Math.ceil(count(text) / budget) + 1);
    expect(Math.min(...sizes)).toBeGreaterThan(Math.max(...sizes) * 0.5);
  });
});
