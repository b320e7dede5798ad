import {
  batchParagraphs,
  guessCategory,
  locateEdit,
  parseModelOutput,
  runModelLayer,
  PROOFREAD_JSON_SCHEMA,
} from '../../../../server/proofread/model-layer';
import type { ChatRequest, ChatResult } from '../../../../server/llm/types';

describe('locateEdit', () => {
  it('finds a unique original and trims shared prefix/suffix', () => {
    expect(locateEdit('나는 할수 있다', '할수 있다', '할 수 있다')).toEqual({ start: 4, end: 4, original: '', replacement: ' ' });
    expect(locateEdit('메세지를 보냈다', '메세지를', '메시지를')).toEqual({ start: 1, end: 2, original: '세', replacement: '시' });
  });
  it('drops edits found zero or several times, or no-ops', () => {
    expect(locateEdit('가 가', '가', '나')).toBeNull();
    expect(locateEdit('가나', '다', '라')).toBeNull();
    expect(locateEdit('가나', '가', '가')).toBeNull();
  });
  it('guesses categories', () => {
    expect(guessCategory('할수', '할 수')).toBe('spacing');
    expect(guessCategory('오니', '오니?')).toBe('punctuation');
    expect(guessCategory('메세지', '메시지')).toBe('spelling');
    expect(guessCategory('책이', '책을', '조사 오류')).toBe('grammar');
  });
});

describe('parseModelOutput', () => {
  const good = {
    results: [
      { id: 'a', edits: [{ original: '됬다', corrected: '됐다', reason: 'x' }] },
      { id: 'b', edits: [] },
    ],
  };
  it('parses plain, fenced and prose-wrapped JSON', () => {
    expect(parseModelOutput(JSON.stringify(good))).toHaveLength(2);
    expect(parseModelOutput('```json\n' + JSON.stringify(good) + '\n```')).toHaveLength(2);
    expect(parseModelOutput('결과입니다: ' + JSON.stringify(good) + '\n이상입니다.')).toHaveLength(2);
    expect(parseModelOutput(JSON.stringify(good.results))).toHaveLength(2);
  });
  it('salvages complete objects from truncated JSON and never throws', () => {
    const s = JSON.stringify(good);
    const cut = s.slice(0, s.indexOf('{"id":"b"') + 12);
    const r = parseModelOutput(cut);
    expect(r.map((x) => x.id)).toEqual(['a']);
    expect(r[0]!.edits).toHaveLength(1);
    for (const junk of ['', 'null', '{', '[[[', '{"results": 5}', 'no json at all', '{"id": 1, "edits": [{"original": 3}]}']) {
      expect(() => parseModelOutput(junk)).not.toThrow();
    }
    expect(parseModelOutput('{"id": 1, "edits": [{"original": 3}]}')).toEqual([{ id: '1', edits: [] }]);
  });
});

describe('batching and the model run', () => {
  it('batches within the token budget', () => {
    const ps = ['aaaa', 'bbbb', 'cccc', 'dddddddddddddddddddd'].map((t, i) => ({ id: String(i), text: t }));
    const b = batchParagraphs(ps, 25, (t) => t.length);
    expect(b.map((x) => x.map((p) => p.id))).toEqual([['0', '1'], ['2'], ['3']]);
  });

  it('re-requests a truncated batch split in halves, passes the schema, streams per batch', async () => {
    const calls: string[][] = [];
    const complete = async (req: ChatRequest): Promise<ChatResult> => {
      expect(req.jsonSchema).toBe(PROOFREAD_JSON_SCHEMA);
      const payload = JSON.parse(req.messages[1]!.content.split('\n').slice(2).join('\n')) as {
        paragraphs: Array<{ id: string; text: string }>;
      };
      const ids = payload.paragraphs.map((p) => p.id);
      calls.push(ids);
      const results = payload.paragraphs.map((p) => ({ id: p.id, edits: [{ original: '됬', corrected: '됐', reason: '' }] }));
      const content = JSON.stringify({ results });
      if (ids.length > 1) return { content: content.slice(0, 30), finishReason: 'length' };
      return { content, finishReason: 'stop' };
    };
    const progress: number[] = [];
    const ps = ['1 됬다', '2 됬다', '3 됬다'].map((t, i) => ({ id: `p${i}`, text: t }));
    const out = await runModelLayer(ps, {
      complete,
      countTokens: (t) => t.length,
      tokenBudget: 1000,
      concurrency: 1,
      onBatch: (_s, p) => void progress.push(p.done),
    });
    expect(calls).toEqual([['p0', 'p1', 'p2'], ['p0', 'p1'], ['p0'], ['p1'], ['p2']]);
    expect(out.map((s) => [s.paragraphId, s.start, s.replacement, s.source])).toEqual([
      ['p0', 2, '됐', 'model'],
      ['p1', 2, '됐', 'model'],
      ['p2', 2, '됐', 'model'],
    ]);
    expect(progress).toEqual([1, 2, 3]);
  });

  it('honours an aborted signal', async () => {
    const ac = new AbortController();
    ac.abort();
    const complete = jest.fn();
    await expect(
      runModelLayer([{ id: 'a', text: '가나' }], { complete, countTokens: (t) => t.length, signal: ac.signal }),
    ).rejects.toBeDefined();
    expect(complete).not.toHaveBeenCalled();
  });
});
