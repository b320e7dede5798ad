/**
 * The contract pack on a lease written apart from the project's own contract fixture (issue 18):
 * parties that are persons, a definitions article with an unquoted item, a quoted term whose only
 * other mention is an article title. All five planted errors are shown at the default display
 * threshold and the clean version draws nothing from any layer of the rules engine.
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import { createEngineSync } from '../../../../../../server/proofread/engine';
import { findDefinitions, looksLikePersonName } from '../../../../../../server/proofread/packs/contract/structure';
import { PACKS } from '../../../../../../server/proofread/packs';
import { runRule } from '../../../../../../server/proofread/run-rules';

const FIX = join(__dirname, '../../../../../fixtures/contract');
const paragraphs = (file: string) =>
  readFileSync(join(FIX, file), 'utf8')
    .replace(/\r\n/g, '\n')
    .replace(/\n$/, '')
    .split('\n')
    .map((text, i) => ({ id: String(i), text: text.normalize('NFC') }));

const engine = createEngineSync(null);

interface Expected {
  rule: string;
  paragraph: number;
  snippet: string;
  replacement?: string;
}

describe('lease contract (unseen-style fixture)', () => {
  const expected = (JSON.parse(readFileSync(join(FIX, 'lease-planted.expected.json'), 'utf8')) as { findings: Expected[] }).findings;

  it('shows all five planted errors at the default threshold, and nothing else', () => {
    const got = engine.check(paragraphs('lease-planted.txt'), { pack: 'contract' });
    expect(got.map((s) => `${s.ruleId}@${s.paragraphId}:${s.original}`).sort()).toEqual(
      expected.map((e) => `${e.rule}@${e.paragraph}:${e.snippet}`).sort(),
    );
    for (const e of expected) {
      const s = got.find((g) => g.ruleId === e.rule && g.paragraphId === String(e.paragraph))!;
      expect(s.replacement).toBe(e.replacement ?? null);
    }
  });

  it('the clean version draws nothing, even below the display threshold', () => {
    expect(engine.check(paragraphs('lease-clean.txt'), { pack: 'contract', minConfidence: 0 })).toEqual([]);
  });
});

describe('defined terms beyond the shapes of the project fixture', () => {
  const contract = PACKS.contract;
  const run = (id: string, doc: string) =>
    runRule(
      contract.find((r) => r.id === id)!,
      doc.split('\n'),
    );

  it('reads definitions without quotes: (이하 임차인이라 한다) and a definitions-article item', () => {
    const defs = findDefinitions([
      '임차인 박민수(이하 임차인이라 한다)는 다음과 같이 계약한다.',
      '2. 관리비란 공용 부분의 유지에 드는 비용을 말한다.',
    ]);
    expect(defs.map((d) => d.term)).toEqual(['임차인', '관리비']);
    expect(defs[0]!.antecedent?.text).toBe('박민수');
  });

  it('tells a person name from a noun', () => {
    expect(looksLikePersonName('김철수')).toBe(true);
    expect(looksLikePersonName('남궁민수')).toBe(true);
    expect(looksLikePersonName('보증금')).toBe(false);
    expect(looksLikePersonName('임대주택')).toBe(false);
  });

  it('flags a person party called by name, but not in the signature block', () => {
    const doc = '매도인 박영수(이하 "매도인"이라 한다)는 토지를 판다.\n박영수는 잔금을 받는다.\n매도인: 박영수 (인)';
    const ms = run('contract.defined-term.inconsistent', doc);
    expect(ms.map((m) => [m.paragraphIndex, m.replacement])).toEqual([[1, '매도인은']]);
  });

  it('does not report the role word in front of the named party as a use before definition', () => {
    expect(run('contract.defined-term.before-definition', '임대인 이영희(이하 "임대인"이라 한다)는 집을 빌려준다.')).toEqual([]);
  });

  it('uses an unquoted definitions-article item for use-before-definition', () => {
    const doc =
      '제1조(목적) 관리비의 부담을 정한다.\n제2조(정의) 용어의 뜻은 다음과 같다.\n1. 관리비란 공용 부분의 유지에 드는 비용을 말한다.';
    expect(run('contract.defined-term.before-definition', doc).map((m) => m.paragraphIndex)).toEqual([0]);
  });
});
