import type { TemplateInfo } from '../../../../kernel/contract/templates';
import { httpsRequest, parseSse, postJson, startTestRelay, type SseEvent, type TestRelay } from '../../../helpers/relay';
import { startFakeLlm, type FakeLlm } from '../../../helpers/fake-llm';

const textOf = (events: SseEvent[]) =>
  events
    .filter((e) => e.event === 'text')
    .map((e) => e.data.text)
    .join('');

describe('generation API', () => {
  let fake: FakeLlm;
  let relay: TestRelay;
  beforeAll(async () => {
    fake = await startFakeLlm();
    relay = await startTestRelay({ LLM_BASE_URL: fake.url, LLM_CONTEXT_WINDOW: '4096' });
  });
  afterAll(async () => {
    await relay.close();
    await fake.close();
  });
  beforeEach(() => {
    fake.options = {};
    fake.requests.length = 0;
  });

  it('drafts from a general template, streaming, without reasoning blocks', async () => {
    fake.options.reply = () => '<think>사용자는 이메일을 원한다.</think>안녕하십니까. 회의 일정을 알려 드립니다.';
    const events = parseSse((await postJson(relay, '/api/draft', { instruction: '회의 일정 안내 메일', template: 'email' })).body);
    expect(textOf(events)).toBe('안녕하십니까. 회의 일정을 알려 드립니다.');
    expect(events.at(-1)).toMatchObject({ event: 'done', data: { truncated: false } });
    const system = fake.requests[0]!.messages![0]!;
    expect(system.role).toBe('system');
    expect(JSON.stringify(fake.requests[0])).toContain('회의 일정 안내 메일');
  });

  it('checks a legal-template draft with its pack and sends the findings before done', async () => {
    fake.options.reply = () =>
      [
        '【청구항 1】',
        '센서부(110); 및 제어부(120)를 포함하는 화분.',
        '【청구항 2】',
        '제1항에 있어서, 상기 펌프는 물을 공급하는 화분.',
      ].join('\n');
    const events = parseSse(
      (
        await postJson(relay, '/api/draft', {
          instruction: '스마트 화분의 청구범위',
          template: 'patent-claims',
          text: '센서부(110)와 제어부(120)를 갖는 화분',
        })
      ).body,
    );
    const findings = events.find((e) => e.event === 'findings');
    expect(findings?.data.pack).toBe('patent');
    const antecedent = findings!.data.suggestions.find((s) => s.ruleId === 'patent.antecedent');
    expect(antecedent).toMatchObject({ paragraphId: 'd3', replacement: null });
    expect(events.findIndex((e) => e.event === 'findings')).toBeLessThan(events.findIndex((e) => e.event === 'done'));
  });

  it('rewrites with a low temperature and says when the model was cut off', async () => {
    fake.options = { reply: () => '간결한 문장입니다.', fault: 'length' };
    const events = parseSse(
      (await postJson(relay, '/api/rewrite', { text: '이것은 매우 길고 장황한 문장입니다.', style: 'concise' })).body,
    );
    expect(fake.requests[0]!.temperature).toBeLessThanOrEqual(0.3);
    expect(events.at(-1)).toMatchObject({ event: 'done', data: { finishReason: 'length', truncated: true } });
  });

  it('continues a cut-off legal draft in the same conversation and checks the whole draft', async () => {
    fake.options.reply = () => '상기 펌프는 물을 공급하는 화분.';
    const partial = '【청구항 1】\n센서부(110)를 포함하는 화분.\n【청구항 2】\n제1항에 있어서, ';
    const events = parseSse(
      (await postJson(relay, '/api/draft', { instruction: '스마트 화분의 청구범위', template: 'patent-claims', continueFrom: partial }))
        .body,
    );
    const msgs = fake.requests[0]!.messages!;
    expect(msgs.at(-2)).toEqual({ role: 'assistant', content: partial });
    expect(msgs.at(-1)!.role).toBe('user');
    expect(textOf(events)).toBe('상기 펌프는 물을 공급하는 화분.');
    const findings = events.find((e) => e.event === 'findings')!.data.suggestions;
    // 상기 펌프 sits on line 3 of the whole draft (the partial plus the continuation).
    expect(findings.find((s) => s.ruleId === 'patent.antecedent')).toMatchObject({ paragraphId: 'd3' });
  });

  it('refuses a rewrite that cannot fit the window with 413', async () => {
    const r = await postJson(relay, '/api/rewrite', { text: '가나다라마바사 '.repeat(1500), style: 'plain' });
    expect(r.status).toBe(413);
    expect(JSON.parse(r.body).code).toBe('TEXT_TOO_LARGE');
    expect(fake.requests).toHaveLength(0);
  });

  it.each([
    ['/api/draft', { template: 'email' }, 'instruction'],
    ['/api/draft', { instruction: 'x', template: 'sonnet' }, 'template'],
    ['/api/rewrite', { text: '가', style: 'poetic' }, 'style'],
    ['/api/rewrite', { text: '가', style: 'free' }, 'instruction'],
    ['/api/doctype', { paragraphs: 'x' }, 'paragraphs'],
  ])('%s rejects %j naming %s', async (path, body, field) => {
    const r = await postJson(relay, path, body);
    expect(r.status).toBe(400);
    expect(JSON.parse(r.body).message.startsWith(field)).toBe(true);
  });

  it('lists general and legal templates with Korean and English labels', async () => {
    const r = await httpsRequest(relay, 'GET', '/api/templates');
    const { templates } = JSON.parse(r.body) as { templates: TemplateInfo[] };
    expect(templates.map((t) => t.id)).toEqual(
      expect.arrayContaining([
        'official-letter',
        'email',
        'minutes',
        'press-release',
        'report-outline',
        'patent-claims',
        'official-draft',
        'contract-clause',
      ]),
    );
    expect(templates.every((t) => t.label.ko && t.label.en)).toBe(true);
  });

  it('suggests a document type from content', async () => {
    const r = await postJson(relay, '/api/doctype', { paragraphs: ['【청구범위】', '【청구항 1】', '제어부(110)를 포함하는 장치.'] });
    expect(JSON.parse(r.body).docType).toBe('patent');
  });

  it('summarises a document larger than the window by map-reduce, with progress', async () => {
    fake.options.reply = (b) => (JSON.stringify(b).includes('부분 요약') ? '최종 요약입니다.' : '부분 요약.');
    const paragraph =
      '제1조(목적) 이 법은 발명을 보호ㆍ장려하고 그 이용을 도모함으로써 기술의 발전을 촉진하여 산업발전에 이바지함을 목적으로 한다.\n\n';
    const doc = paragraph.repeat(120); // ≈ 8,000 characters, several times the 4,096-token window
    const events = parseSse((await postJson(relay, '/api/summarize', { text: doc, options: { length: 'short', form: 'bullets' } })).body);
    const progress = events.filter((e) => e.event === 'progress');
    expect(progress.length).toBeGreaterThan(1);
    const map = progress.filter((e) => e.data.phase === 'map');
    expect(map.at(-1)!.data.done).toBe(map.at(-1)!.data.total);
    expect(fake.requests.length).toBeGreaterThan(2);
    expect(events.at(-1)).toMatchObject({ event: 'done', data: { mode: 'map-reduce', truncated: false } });
    expect(textOf(events).length).toBeGreaterThan(0);
  });
});
