import { mergeSuggestions } from '../../../../server/proofread/merge';
import { MemoryLruStore, paragraphCacheKey } from '../../../../server/proofread/cache';
import { runModelLayer, type ModelEdit } from '../../../../server/proofread/model-layer';
import type { ChatRequest, ChatResult } from '../../../../server/llm/types';
import type { Suggestion } from '../../../../server/proofread/types';

const base = (o: Partial<Suggestion>): Suggestion => ({
  id: 'x',
  paragraphId: 'p',
  start: 0,
  end: 1,
  original: '',
  replacement: '',
  category: 'spelling',
  message: 'm',
  messageEn: 'm',
  source: 'rule',
  confidence: 0.5,
  ...o,
});

describe('merge', () => {
  const paras = [
    { id: 'p', text: '메세지를 보냈다' },
    { id: 'q', text: '할수 있다' },
  ];
  it('merges agreeing suggestions keeping the rule citation and best confidence', () => {
    const rule = base({
      id: 'r1',
      start: 0,
      end: 3,
      original: '메세지',
      replacement: '메시지',
      rule: '외래어 표기법',
      ruleId: 'spelling.loanword',
      confidence: 0.9,
    });
    const model = base({ id: 'm1', start: 1, end: 2, original: '세', replacement: '시', source: 'model', confidence: 0.95 });
    const out = mergeSuggestions([model, rule], paras);
    expect(out).toHaveLength(1);
    expect(out[0]!.id).toBe('r1');
    expect(out[0]!.rule).toBe('외래어 표기법');
    expect(out[0]!.confidence).toBe(0.95);
  });
  it('keeps conflicting suggestions apart and orders by paragraph then position', () => {
    const a = base({ id: 'a', paragraphId: 'q', start: 0, end: 2, original: '할수', replacement: '할 수' });
    const b = base({ id: 'b', start: 0, end: 3, original: '메세지', replacement: '메시지' });
    const c = base({ id: 'c', start: 0, end: 3, original: '메세지', replacement: '메씨지', source: 'model' });
    const out = mergeSuggestions([a, c, b], paras);
    expect(out.map((s) => s.id)).toEqual(['b', 'c', 'a']);
  });
  it('dedupes identical ids', () => {
    const a = base({ id: 'a', start: 0, end: 3, replacement: '메시지' });
    expect(mergeSuggestions([a, { ...a }], paras)).toHaveLength(1);
  });
});

describe('cache', () => {
  it('LRU evicts the oldest and honours TTL', async () => {
    let now = 0;
    const s = new MemoryLruStore<number>(2, () => now);
    await s.set('a', 1, 10);
    await s.set('b', 2, 10);
    await s.get('a');
    await s.set('c', 3, 10);
    expect(await s.get('b')).toBeUndefined();
    expect(await s.get('a')).toBe(1);
    now = 11_000;
    expect(await s.get('a')).toBeUndefined();
  });
  it('keys differ by text, options and model', () => {
    const k = paragraphCacheKey('가', { pack: 'general' }, 'm');
    expect(paragraphCacheKey('가', { pack: 'general' }, 'm')).toBe(k);
    expect(paragraphCacheKey('나', { pack: 'general' }, 'm')).not.toBe(k);
    expect(paragraphCacheKey('가', { pack: 'patent' }, 'm')).not.toBe(k);
    expect(paragraphCacheKey('가', { pack: 'general' }, 'm2')).not.toBe(k);
  });
  it('re-checking an edited document only sends changed paragraphs', async () => {
    const sent: string[] = [];
    const complete = async (req: ChatRequest): Promise<ChatResult> => {
      const payload = JSON.parse(req.messages[1]!.content.split('\n').slice(2).join('\n')) as {
        paragraphs: Array<{ id: string; text: string }>;
      };
      const results = payload.paragraphs.map((p) => {
        sent.push(p.text);
        return { id: p.id, edits: p.text.includes('됬') ? [{ original: '됬다', corrected: '됐다', reason: '준말' }] : [] };
      });
      return { content: JSON.stringify({ results }), finishReason: 'stop' };
    };
    const cache = new MemoryLruStore<ModelEdit[]>();
    const opts = { complete, countTokens: (t: string) => t.length, tokenBudget: 20, cache, modelId: 'exaone' };
    const doc = [
      { id: '1', text: '일이 됬다' },
      { id: '2', text: '두 번째 문단' },
      { id: '3', text: '세 번째 문단' },
    ];
    const first = await runModelLayer(doc, opts);
    expect(first.map((s) => [s.paragraphId, s.original, s.replacement])).toEqual([['1', '됬', '됐']]);
    expect(sent).toHaveLength(3);
    sent.length = 0;
    const second = await runModelLayer([doc[0]!, { id: '2', text: '바뀐 문단이 됬다' }, doc[2]!], opts);
    expect(sent).toEqual(['바뀐 문단이 됬다']);
    expect(second.map((s) => s.paragraphId)).toEqual(['1', '2']);
  });
});
