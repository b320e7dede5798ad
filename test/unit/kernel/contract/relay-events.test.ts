/**
 * Every event the relay sends, as the pane reads it: real requests through the relay
 * (fake model), framed by eventsource-parser as in addin/src/api/client.ts and parsed with
 * the kernel's schemas for that endpoint. A relay event that the pane would refuse fails here.
 */
import { createParser } from 'eventsource-parser';
import { STREAM_EVENTS, parseEvent, type StreamPath } from '../../../../kernel/contract/events';
import { postJson, startTestRelay, type SseEvent, type TestRelay } from '../../../helpers/relay';
import { startFakeLlm, type ChatBody, type FakeLlm } from '../../../helpers/fake-llm';

/** The SSE body as the pane parses it; throws naming the first event that does not parse. */
function paneEvents<P extends StreamPath>(path: P, body: string): Array<SseEvent<P>> {
  const out: Array<SseEvent<P>> = [];
  const problems: string[] = [];
  const parser = createParser({
    onEvent: (e) => {
      const r = parseEvent(STREAM_EVENTS[path], e.event ?? 'message', e.data);
      // As in addin/src/api/client.ts: the schemas of STREAM_EVENTS[P] give the events of P.
      if (r.ok) out.push(r.value as SseEvent<P>);
      else problems.push(`${r.reason}: ${r.message}`);
    },
  });
  parser.feed(body);
  if (problems.length) throw new Error(`${path}: ${problems.join('; ')}`);
  return out;
}

async function stream<P extends StreamPath>(relay: TestRelay, path: P, body: unknown): Promise<Array<SseEvent<P>>> {
  const r = await postJson(relay, path, body);
  expect(r.status).toBe(200);
  return paneEvents(path, r.body);
}

const idsOf = (body: ChatBody) =>
  [...(body.messages?.find((m) => m.role === 'user')?.content ?? '').matchAll(/"id":"([^"]+)"/g)].map((m) => m[1]!);
const names = (events: SseEvent[]) => [...new Set(events.map((e) => e.event))].sort();

describe('the relay’s SSE events parse with the pane’s schemas', () => {
  let fake: FakeLlm;
  let relay: TestRelay;
  beforeAll(async () => {
    fake = await startFakeLlm();
    relay = await startTestRelay({ LLM_BASE_URL: fake.url, LLM_CONTEXT_WINDOW: '4096' });
  }, 60_000);
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
    { id: 'p2', text: '셋째 문단입니다.' },
  ];

  it('/api/proofread: suggestions (both layers), progress, unchecked, done', async () => {
    fake.options.reply = (body) =>
      JSON.stringify({
        results: idsOf(body)
          .filter((id) => id !== 'p2')
          .map((id) => ({ id, edits: id === 'p1' ? [{ original: '열린다 고', corrected: '열린다고', reason: '붙여 씀' }] : [] })),
      });
    const events = await stream(relay, '/api/proofread', { paragraphs });
    expect(names(events)).toEqual(['done', 'progress', 'suggestions', 'unchecked']);
    expect(events.filter((e) => e.event === 'suggestions').map((e) => e.data.layer)).toEqual(expect.arrayContaining(['rules', 'model']));
    expect(events.at(-1)).toEqual({ event: 'done', data: expect.objectContaining({ unchecked: 1 }) });
  });

  it('/api/proofread: a failing model layer is an error with layer model, then done', async () => {
    fake.options.fault = 'http500';
    const events = await stream(relay, '/api/proofread', { paragraphs });
    expect(events.find((e) => e.event === 'error')?.data).toMatchObject({ layer: 'model', retryable: expect.any(Boolean) });
    expect(events.at(-1)!.event).toBe('done');
  });

  it('/api/summarize: text and done in one call', async () => {
    const events = await stream(relay, '/api/summarize', { text: '쓰기는 한국어 글쓰기 도우미입니다.' });
    expect(names(events)).toEqual(['done', 'text']);
    expect(events.at(-1)!.data).toMatchObject({ mode: 'single', truncated: false });
  });

  it('/api/summarize: map and reduce progress for a text over the window', async () => {
    const text = Array.from({ length: 150 }, (_, i) =>
      `${i + 1}번째 문단은 회의 결과와 다음 일정을 자세히 적은 긴 문단입니다. `.repeat(4),
    ).join('\n\n');
    const events = await stream(relay, '/api/summarize', { text });
    expect(names(events)).toEqual(['done', 'progress', 'text']);
    expect(events.at(-1)!.data).toMatchObject({ mode: 'map-reduce' });
    expect(new Set(events.filter((e) => e.event === 'progress').map((e) => e.data.phase))).toEqual(new Set(['map', 'reduce']));
  });

  it('/api/summarize: an upstream failure is an error event', async () => {
    fake.options.fault = 'http500';
    const events = await stream(relay, '/api/summarize', { text: '가나다' });
    expect(events).toEqual([
      { event: 'error', data: expect.objectContaining({ code: expect.any(String), retryable: expect.any(Boolean) }) },
    ]);
  });

  it('/api/draft: text, findings whose offsets read `original` on the named line, done', async () => {
    const draft = [
      '【청구항 1】',
      '센서부(110); 및 제어부(120)를 포함하는 화분.',
      '【청구항 2】',
      '제1항에 있어서, 상기 펌프는 물을 공급하는 화분.',
    ].join('\n');
    fake.options.reply = () => draft;
    const events = await stream(relay, '/api/draft', { instruction: '스마트 화분의 청구범위', template: 'patent-claims' });
    expect(names(events)).toEqual(['done', 'findings', 'text']);
    const findings = events.find((e) => e.event === 'findings')!.data;
    expect(findings.pack).toBe('patent');
    expect(findings.suggestions.length).toBeGreaterThan(0);
    const lines = draft.split('\n');
    for (const s of findings.suggestions) {
      const line = lines[Number(/^d(\d+)$/.exec(s.paragraphId)![1])]!;
      expect(line.slice(s.start, s.end)).toBe(s.original);
    }
  });

  it('/api/rewrite: text and a truncated done', async () => {
    fake.options = { reply: () => '간결한 문장입니다.', fault: 'length' };
    const events = await stream(relay, '/api/rewrite', { text: '이것은 매우 길고 장황한 문장입니다.', style: 'concise' });
    expect(names(events)).toEqual(['done', 'text']);
    expect(events.at(-1)!.data).toMatchObject({ finishReason: 'length', truncated: true });
  });
});
