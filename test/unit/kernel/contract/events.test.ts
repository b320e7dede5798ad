import {
  STREAM_EVENTS,
  draftLineId,
  draftLineIndex,
  parseEvent,
  proofreadEvents,
  summarizeEvents,
} from '../../../../kernel/contract/events';

const suggestion = {
  id: 's1',
  paragraphId: 'p0',
  start: 0,
  end: 2,
  original: '됬다',
  replacement: '됐다',
  category: 'spelling',
  message: 'm',
  messageEn: 'm',
  source: 'model',
  confidence: 0.8,
};

describe('kernel/contract events', () => {
  it('parses an event of the stream, narrowing data by name', () => {
    const r = parseEvent(proofreadEvents, 'suggestions', JSON.stringify({ layer: 'model', suggestions: [suggestion] }));
    expect(r.ok).toBe(true);
    if (r.ok && r.value.event === 'suggestions') expect(r.value.data.suggestions[0]!.replacement).toBe('됐다');
  });

  it('drops fields it does not know (a newer relay may add some)', () => {
    const r = parseEvent(summarizeEvents, 'progress', JSON.stringify({ phase: 'map', done: 1, total: 3, eta: 5 }));
    expect(r).toEqual({ ok: true, value: { event: 'progress', data: { phase: 'map', done: 1, total: 3 } } });
  });

  it('says "unknown" for an event the stream does not send — the retired `replace` included', () => {
    for (const path of Object.keys(STREAM_EVENTS) as Array<keyof typeof STREAM_EVENTS>) {
      expect(parseEvent(STREAM_EVENTS[path], 'replace', '{"text":"x"}')).toMatchObject({ ok: false, reason: 'unknown' });
    }
    // Not an own property: no prototype lookups.
    expect(parseEvent(proofreadEvents, 'toString', '{}')).toMatchObject({ ok: false, reason: 'unknown' });
  });

  it.each([
    ['not JSON', 'done', '{', /data is not JSON/],
    ['a wrong type', 'done', '{"total":"3","fromCache":0,"unchecked":0}', /^event "done": total: /],
    ['a missing field', 'error', '{"code":"BUSY","message":"busy"}', /^event "error": retryable: /],
    ['an unknown layer', 'suggestions', '{"layer":"oracle","suggestions":[]}', /layer/],
    [
      'a bad suggestion inside',
      'suggestions',
      JSON.stringify({ layer: 'rules', suggestions: [{ ...suggestion, category: 'poetry' }] }),
      /suggestions\.0\.category/,
    ],
    ['an unknown unchecked reason', 'unchecked', '{"layer":"model","paragraphIds":["p0"],"reason":"bored"}', /reason/],
  ])('says "invalid" for %s, naming the field', (_what, event, raw, message) => {
    const r = parseEvent(proofreadEvents, event, raw);
    expect(r).toMatchObject({ ok: false, reason: 'invalid' });
    if (!r.ok) expect(r.message).toMatch(message);
  });

  it('summaries and proofreading have their own `done` and `progress` shapes', () => {
    const summaryDone = JSON.stringify({ finishReason: 'stop', truncated: false, mode: 'single', chunks: 1, calls: 1 });
    expect(parseEvent(summarizeEvents, 'done', summaryDone).ok).toBe(true);
    expect(parseEvent(proofreadEvents, 'done', summaryDone).ok).toBe(false);
    expect(parseEvent(proofreadEvents, 'progress', '{"phase":"map","done":1,"total":2}').ok).toBe(false);
    expect(parseEvent(STREAM_EVENTS['/api/draft'], 'done', '{"finishReason":null,"truncated":false}').ok).toBe(true);
  });

  it('draft line ids: d<n> for line n, and only that form', () => {
    for (const n of [0, 3, 120]) expect(draftLineIndex(draftLineId(n))).toBe(n);
    for (const id of ['p3', 'd', 'd-1', 'd03', 'd3x', '3']) expect(draftLineIndex(id)).toBeNull();
  });
});
