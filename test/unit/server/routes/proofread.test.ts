import type { SuggestionsEvent } from '../../../../kernel/contract/events';
import type { Suggestion } from '../../../../kernel/contract/suggestion';
import { parseSse, postJson, startTestRelay, type SseEvent, type TestRelay } from '../../../helpers/relay';
import { startFakeLlm, type ChatBody, type FakeLlm } from '../../../helpers/fake-llm';

/** The fake model proofreads like EXAONE would: JSON edits per paragraph id. */
function modelReply(edits: Record<string, Array<{ original: string; corrected: string; reason: string }>>) {
  return (body: ChatBody) => {
    const user = body.messages?.find((m) => m.role === 'user')?.content ?? '';
    const ids = [...user.matchAll(/"id":"([^"]+)"/g)].map((m) => m[1]!);
    return JSON.stringify({ results: ids.map((id) => ({ id, edits: edits[id] ?? [] })) });
  };
}

/** The data of the first event, which must be `suggestions` (the rule layer's, sent first). */
function firstSuggestions(events: SseEvent[]): SuggestionsEvent {
  const first = events[0];
  if (first?.event !== 'suggestions') throw new Error(`the first event is ${first?.event ?? 'missing'}, not suggestions`);
  return first.data;
}

describe('POST /api/proofread', () => {
  let fake: FakeLlm;
  let relay: TestRelay;
  beforeAll(async () => {
    fake = await startFakeLlm();
    relay = await startTestRelay({ LLM_BASE_URL: fake.url });
  });
  afterAll(async () => {
    await relay.close();
    await fake.close();
  });
  beforeEach(() => {
    fake.options = {};
    fake.requests.length = 0;
  });

  const paragraphs = [
    { id: 'p0', text: '할수있는 일이 됬다.' },
    { id: 'p1', text: '회의는 내일 열린다 고 한다.' },
  ];

  it('sends rule findings first, then the model layer per batch, then done', async () => {
    fake.options.reply = modelReply({
      p0: [{ original: '됬다', corrected: '됐다', reason: '되었다의 준말' }],
      p1: [{ original: '열린다 고', corrected: '열린다고', reason: '인용 조사는 붙여 씀' }],
    });
    const r = await postJson(relay, '/api/proofread', { paragraphs });
    expect(r.status).toBe(200);
    const events = parseSse(r.body);
    expect(events[0]!.event).toBe('suggestions');
    expect(firstSuggestions(events).layer).toBe('rules');
    const rules = firstSuggestions(events).suggestions;
    const find = (list: Suggestion[], original: string) => list.find((s) => s.original === original);
    // 할수있는: the two spacing edits of one fix arrive as one finding (coalesce.ts).
    const su = find(rules, '할수있');
    expect(su).toMatchObject({ paragraphId: 'p0', start: 0, end: 3, replacement: '할 수 있', source: 'rule' });
    expect(find(rules, '됬다')).toMatchObject({ start: 8, end: 10, replacement: '됐다' });
    const model = events.flatMap((e) => (e.event === 'suggestions' && e.data.layer === 'model' ? e.data.suggestions : []));
    // The model agreed with the rule on 됬다: not sent twice.
    expect(model.filter((s) => s.paragraphId === 'p0')).toHaveLength(0);
    const p1 = model.find((s) => s.paragraphId === 'p1');
    expect(p1).toMatchObject({ source: 'model', replacement: '', original: ' ' });
    expect(paragraphs[1]!.text.slice(p1!.start, p1!.end)).toBe(' ');
    expect(events.some((e) => e.event === 'progress')).toBe(true);
    expect(events.at(-1)).toMatchObject({ event: 'done' });
    // The request asked for schema-constrained JSON.
    expect(fake.requests[0]).toHaveProperty('response_format.type', 'json_schema');
  });

  it('re-checking sends only changed paragraphs to the model', async () => {
    fake.options.reply = modelReply({});
    const ps = [
      { id: 'a', text: '첫째 문단은 그대로입니다.' },
      { id: 'b', text: '둘째 문단도 그대로입니다.' },
    ];
    await postJson(relay, '/api/proofread', { paragraphs: ps });
    const before = fake.requests.length;
    const edited = [ps[0], { id: 'b', text: '둘째 문단을 고쳤습니다.' }];
    const r = parseSse((await postJson(relay, '/api/proofread', { paragraphs: edited })).body);
    expect(fake.requests.length).toBe(before + 1);
    const sentText = JSON.stringify(fake.requests.at(-1));
    expect(sentText).toContain('둘째 문단을 고쳤습니다');
    expect(sentText).not.toContain('첫째 문단은');
    expect(r.at(-1)).toMatchObject({ event: 'done', data: { fromCache: 1 } });
  });

  it('keeps rule findings when the model server fails, and says so', async () => {
    fake.options.fault = 'http500';
    const events = parseSse((await postJson(relay, '/api/proofread', { paragraphs: [{ id: 'x', text: '몇일 뒤에 됬다.' }] })).body);
    expect(firstSuggestions(events).suggestions.length).toBeGreaterThan(0);
    expect(events.find((e) => e.event === 'error')?.data).toMatchObject({ code: 'UPSTREAM_HTTP_ERROR', layer: 'model' });
    expect(events.at(-1)!.event).toBe('done');
  });

  it('salvages nothing harmful from invalid model JSON', async () => {
    fake.options.fault = 'invalid-json';
    const events = parseSse((await postJson(relay, '/api/proofread', { paragraphs: [{ id: 'p0', text: '그 일이 됬다.' }] })).body);
    expect(events.at(-1)!.event).toBe('done');
    const model = events.filter((e) => e.event === 'suggestions' && e.data.layer === 'model');
    expect(model).toHaveLength(0);
  });

  it('asks again once when the answer is not JSON at all, then says the model layer failed', async () => {
    fake.options.reply = () => '죄송합니다. 교정 결과를 드릴 수 없습니다.';
    const before = fake.requests.length;
    const events = parseSse((await postJson(relay, '/api/proofread', { paragraphs: [{ id: 'q', text: '몇일 뒤에 보자.' }] })).body);
    expect(fake.requests.length - before).toBe(2); // the batch and one retry
    expect(firstSuggestions(events).suggestions.length).toBeGreaterThan(0); // rule findings stay
    expect(events.find((e) => e.event === 'error')?.data).toMatchObject({ code: 'UPSTREAM_BAD_RESPONSE', layer: 'model', retryable: true });
    expect(events.at(-1)!.event).toBe('done');
  });

  it('tells the model the chosen register', async () => {
    fake.options.reply = modelReply({});
    await postJson(relay, '/api/proofread', {
      paragraphs: [{ id: 'r', text: '보고서를 제출했다. 검토 바랍니다.' }],
      options: { register: 'hapsyo' },
    });
    expect(JSON.stringify(fake.requests.at(-1))).toContain('합쇼체');
  });

  it('returns recommendations only when asked, and loanword variants as findings in a 공문서', async () => {
    const ps = [{ id: 'c', text: '새 사업의 컨셉을 정했다.' }];
    const first = (body: string) => firstSuggestions(parseSse(body)).suggestions;
    const plain = first((await postJson(relay, '/api/proofread', { paragraphs: ps, options: { model: false } })).body);
    expect(plain.some((s) => s.original.startsWith('컨셉'))).toBe(false);
    const all = first((await postJson(relay, '/api/proofread', { paragraphs: ps, options: { model: false, recommendations: true } })).body);
    expect(all.some((s) => s.original.startsWith('컨셉'))).toBe(true);
    const official = first((await postJson(relay, '/api/proofread', { paragraphs: ps, options: { model: false, pack: 'official' } })).body);
    expect(official.some((s) => s.original.startsWith('컨셉'))).toBe(true);
  });

  it('can skip the model and filter categories', async () => {
    const events = parseSse(
      (
        await postJson(relay, '/api/proofread', {
          paragraphs,
          options: { model: false, categories: ['spacing'] },
        })
      ).body,
    );
    expect(fake.requests).toHaveLength(0);
    const list = firstSuggestions(events).suggestions;
    expect(list.length).toBeGreaterThan(0);
    expect(list.every((s) => s.category === 'spacing')).toBe(true);
  });

  it.each([
    [{}, 'paragraphs'],
    [{ paragraphs: [] }, 'paragraphs'],
    [{ paragraphs: [{ id: 'a', text: 1 }] }, 'paragraphs.0.text'],
    [
      {
        paragraphs: [
          { id: 'a', text: 'x' },
          { id: 'a', text: 'y' },
        ],
      },
      'paragraphs',
    ],
    [{ paragraphs: [{ id: 'a', text: 'x' }], options: { pack: 'poetry' } }, 'options.pack'],
    [{ paragraphs: [{ id: 'a', text: 'x' }], options: { categories: ['nope'] } }, 'options.categories.0'],
  ])('rejects %j naming %s', async (body, field) => {
    const r = await postJson(relay, '/api/proofread', body);
    expect(r.status).toBe(400);
    const e = JSON.parse(r.body);
    expect(e.code).toBe('INVALID_REQUEST');
    expect(e.message.startsWith(field)).toBe(true);
  });
});
