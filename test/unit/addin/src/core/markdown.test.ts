import fc from 'fast-check';
import { blocksToHtml, parseInline, parseMarkdown } from '../../../../../addin/src/core/markdown';
import { blocksToPlainText } from '../../../../../addin/src/core/blocks';

describe('parseMarkdown', () => {
  test('headings, paragraphs, lists', () => {
    const md =
      '# 제목\n\n## 개요\n첫 줄\n둘째 줄\n\n- 항목 1\n- 항목 **2**\n  - 하위 항목\n    * 더 하위\n- 항목 3\n\n1. 하나\n2) 둘\n\n### 소제목 ###';
    expect(parseMarkdown(md)).toEqual([
      { kind: 'heading', level: 1, runs: [{ text: '제목' }] },
      { kind: 'heading', level: 2, runs: [{ text: '개요' }] },
      { kind: 'paragraph', runs: [{ text: '첫 줄 둘째 줄' }] },
      {
        kind: 'list',
        ordered: false,
        items: [
          { runs: [{ text: '항목 1' }], level: 0 },
          { runs: [{ text: '항목 ' }, { text: '2', bold: true }], level: 0 },
          { runs: [{ text: '하위 항목' }], level: 1 },
          { runs: [{ text: '더 하위' }], level: 2 },
          { runs: [{ text: '항목 3' }], level: 0 },
        ],
      },
      {
        kind: 'list',
        ordered: true,
        items: [
          { runs: [{ text: '하나' }], level: 0 },
          { runs: [{ text: '둘' }], level: 0 },
        ],
      },
      { kind: 'heading', level: 3, runs: [{ text: '소제목' }] },
    ]);
  });
  test('deep headings clamp to level 3; • bullets', () => {
    expect(parseMarkdown('##### 제1조 (목적)\n• 가\n• 나')).toEqual([
      { kind: 'heading', level: 3, runs: [{ text: '제1조 (목적)' }] },
      {
        kind: 'list',
        ordered: false,
        items: [
          { runs: [{ text: '가' }], level: 0 },
          { runs: [{ text: '나' }], level: 0 },
        ],
      },
    ]);
  });
  test('list item continuation lines', () => {
    expect(parseMarkdown('- 첫 항목\n  이어지는 줄\n- 둘째')).toEqual([
      {
        kind: 'list',
        ordered: false,
        items: [
          { runs: [{ text: '첫 항목 이어지는 줄' }], level: 0 },
          { runs: [{ text: '둘째' }], level: 0 },
        ],
      },
    ]);
  });
  test('ordered list switching to bullets at top level starts a new list', () => {
    const b = parseMarkdown('1. 가\n- 나');
    expect(b.map((x) => x.kind === 'list' && x.ordered)).toEqual([true, false]);
  });
});

describe('parseInline', () => {
  test('bold and italic', () => {
    expect(parseInline('**굵게** 와 __굵게__ 와 *기울임* 와 _기울임_')).toEqual([
      { text: '굵게', bold: true },
      { text: ' 와 ' },
      { text: '굵게', bold: true },
      { text: ' 와 ' },
      { text: '기울임', italic: true },
      { text: ' 와 ' },
      { text: '기울임', italic: true },
    ]);
    expect(parseInline('**굵은 *기울임* 글**')).toEqual([
      { text: '굵은 ', bold: true },
      { text: '기울임', bold: true, italic: true },
      { text: ' 글', bold: true },
    ]);
  });
  test('unclosed and stray markers are dropped, text kept', () => {
    expect(parseInline('**닫히지 않은 굵게')).toEqual([{ text: '닫히지 않은 굵게' }]);
    expect(parseInline('중간** 에 남은 것')).toEqual([{ text: '중간 에 남은 것' }]);
    expect(parseInline('*기울임 시작만')).toEqual([{ text: '기울임 시작만' }]);
    expect(parseInline('2 * 3 = 6, snake_case_name')).toEqual([{ text: '2 * 3 = 6, snake_case_name' }]);
  });
  test('code, links, escapes', () => {
    expect(parseInline('`코드` [링크](http://x) \\*별표\\*')).toEqual([{ text: '코드 링크 *별표*' }]);
  });
  test('property: no ** or __ ever reaches the output; headings never keep #', () => {
    const piece = fc.constantFrom('**', '__', '*', '_', '# ', '## ', '가', 'a', ' ', '\n', '- ', '1. ', '`', '\\');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (parts) => {
        const blocks = parseMarkdown(parts.join(''));
        const text = blocksToPlainText(blocks);
        for (const b of blocks) {
          const runs = b.kind === 'list' ? b.items.flatMap((i) => i.runs) : b.runs;
          for (const r of runs) {
            expect(r.text).not.toContain('**');
            expect(r.text).not.toContain('__');
          }
          if (b.kind === 'heading') expect(b.runs.map((r) => r.text).join('')).not.toMatch(/^#/);
        }
        void text;
      }),
      { numRuns: 500 },
    );
  });
});

describe('blocksToHtml', () => {
  test('escapes text and nests lists', () => {
    const html = blocksToHtml(parseMarkdown('# <script>alert(1)</script>\n\n**a & b** "q"\n\n- 1\n  - 1.1\n- 2'));
    expect(html).toBe(
      '<h1>&lt;script&gt;alert(1)&lt;/script&gt;</h1>\n' +
        '<p><strong>a &amp; b</strong> &quot;q&quot;</p>\n' +
        '<ul><li>1<ul><li>1.1</li></ul></li><li>2</li></ul>',
    );
  });
  test('ordered list and italic', () => {
    expect(blocksToHtml(parseMarkdown('1. *가*\n2. 나'))).toBe('<ol><li><em>가</em></li><li>나</li></ol>');
  });
  test('level jumps are clamped to one deeper', () => {
    expect(
      blocksToHtml([
        {
          kind: 'list',
          ordered: false,
          items: [
            { runs: [{ text: 'a' }], level: 2 },
            { runs: [{ text: 'b' }], level: 0 },
          ],
        },
      ]),
    ).toBe('<ul><li>a</li><li>b</li></ul>');
  });
});
