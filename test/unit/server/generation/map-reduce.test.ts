import fs from 'node:fs';
import path from 'node:path';
import { chunkText } from '../../../../server/generation/chunk';
import { createLimit } from '../../../../server/generation/limit';
import {
  mapReduceSummarize,
  countPromptTokens,
  countPromptTokensWithin,
  MAP_CHUNK_MAX_TOKENS,
  type Progress,
} from '../../../../server/generation/map-reduce';
import { buildMapMessages, buildMessages, loadPrompts, taskSpecSchema, type SummarizeSpec } from '../../../../server/generation/prompts';
import type { ChatRequest, ChatResult, DeltaSink, StreamEnd } from '../../../../server/llm/types';
import { estimateTokens } from '../../../../server/llm/tokens';

const prompts = loadPrompts();
const spec = taskSpecSchema.parse({ task: 'summarize', length: 'short', form: 'bullets' }) as SummarizeSpec;
const count = (t: string) => estimateTokens(t);

function makeDoc(sections: number, parasPer = 6): string {
  let s = '# 시험 규정\n\n';
  for (let i = 1; i <= sections; i++) {
    s += `## 제${i}장 일반 사항 ${i}\n\n`;
    for (let p = 1; p <= parasPer; p++)
      s += `제${i * 100 + p}조(목적) ${'이 규정은 업무 처리의 기준을 정함을 목적으로 한다. '.repeat(12)}\n\n`;
  }
  return s;
}

function fakeModel(opts: { reply?: (req: ChatRequest) => string; finish?: (req: ChatRequest, i: number) => string; window: number }) {
  const seen: Array<{ req: ChatRequest; promptTokens: number }> = [];
  let active = 0;
  let maxActive = 0;
  const complete = async (req: ChatRequest): Promise<ChatResult> => {
    const promptTokens = await countPromptTokens(req.messages, count);
    const i = seen.push({ req, promptTokens }) - 1;
    active++;
    maxActive = Math.max(maxActive, active);
    await new Promise((r) => setTimeout(r, 5));
    active--;
    if (promptTokens + (req.maxTokens ?? 0) > opts.window) throw new Error('context exceeded');
    return { content: opts.reply?.(req) ?? `<think>생각</think>- 부분 요약 ${i}`, finishReason: opts.finish?.(req, i) ?? 'stop' };
  };
  return {
    complete,
    seen,
    get maxActive() {
      return maxActive;
    },
  };
}

describe('createLimit', () => {
  test('never exceeds the limit, keeps order of results', async () => {
    const limit = createLimit(3);
    let active = 0;
    let max = 0;
    const out = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        limit(async () => {
          active++;
          max = Math.max(max, active);
          await new Promise((r) => setTimeout(r, 3 + (i % 3)));
          active--;
          return i;
        }),
      ),
    );
    expect(out).toEqual([...Array(10).keys()]);
    expect(max).toBe(3);
  });
  test('a rejection does not block the queue', async () => {
    const limit = createLimit(1);
    await expect(
      limit(async () => {
        throw new Error('x');
      }),
    ).rejects.toThrow('x');
    expect(await limit(async () => 1)).toBe(1);
  });
});

describe('mapReduceSummarize', () => {
  test('short text: one streamed call', async () => {
    const m = fakeModel({ window: 32768 });
    const deltas: string[] = [];
    async function stream(req: ChatRequest, onDelta: DeltaSink): Promise<StreamEnd> {
      m.seen.push({ req, promptTokens: 0 });
      for (const d of ['<thi', 'nk>음</think>', '- 요약', '입니다']) onDelta(d);
      return { finishReason: 'stop' };
    }
    const r = await mapReduceSummarize({
      text: '짧은 문서입니다.',
      spec,
      prompts,
      complete: m.complete,
      stream,
      countTokens: count,
      contextWindow: 32768,
      onDelta: (d) => deltas.push(d),
    });
    expect(r.mode).toBe('single');
    expect(r.text).toBe('- 요약입니다');
    expect(deltas.join('')).toBe('- 요약입니다');
    expect(r.calls).toHaveLength(1);
    expect(r.truncated).toBe(false);
  });

  test('document larger than the window: every prompt within budget, concurrency honoured, partials in order', async () => {
    const window = 4096;
    const text = makeDoc(12);
    expect(count(text)).toBeGreaterThan(window * 3);
    const m = fakeModel({ window, reply: (req) => (req.messages[1]!.content.includes('<part') ? '- 통합 요약' : '- 부분 요약') });
    const progress: Progress[] = [];
    const r = await mapReduceSummarize({
      text,
      spec,
      prompts,
      complete: m.complete,
      countTokens: count,
      contextWindow: window,
      concurrency: 3,
      onProgress: (p) => progress.push(p),
    });
    expect(r.mode).toBe('map-reduce');
    expect(r.text).toBe('- 통합 요약');
    expect(r.chunks).toBeGreaterThan(3);
    for (const s of m.seen) expect(s.promptTokens + (s.req.maxTokens ?? 0)).toBeLessThanOrEqual(window);
    expect(r.maxPromptTokens).toBeLessThanOrEqual(window);
    expect(m.maxActive).toBeLessThanOrEqual(3);
    expect(m.maxActive).toBeGreaterThan(1);
    const maps = m.seen.filter((s) => !s.req.messages[1]!.content.includes('<part'));
    expect(maps).toHaveLength(r.chunks);
    // Every chunk went to the model exactly once: the map prompts carry the whole document.
    const docs = maps.map((s) => /<document>\n([\s\S]*)\n<\/document>/.exec(s.req.messages[1]!.content)![1]).sort();
    const expected = chunkText(text, { budget: 1e9, count }).join('');
    expect(docs.join('').length).toBe(expected.length);
    expect(progress.filter((p) => p.phase === 'map').pop()).toEqual({ phase: 'map', done: r.chunks, total: r.chunks });
    expect(progress.filter((p) => p.phase === 'reduce').pop()).toMatchObject({ done: 1, total: 1 });
    // Prompt overhead stays small relative to the document.
    expect(r.promptTokens / r.documentTokens).toBeLessThan(1.5);
  });

  test('recursive reduce when the partial summaries do not fit one call', async () => {
    const window = 4096;
    const text = makeDoc(40);
    const long = '- ' + '긴 부분 요약 문장입니다. '.repeat(40);
    const m = fakeModel({
      window,
      reply: (req) => (req.messages[1]!.content.includes('<part') ? '- 중간 통합 ' + '요약 '.repeat(30) : long),
    });
    const r = await mapReduceSummarize({
      text,
      spec,
      prompts,
      complete: m.complete,
      countTokens: count,
      contextWindow: window,
      concurrency: 4,
    });
    expect(r.reduceLevels).toBeGreaterThan(1);
    for (const s of m.seen) expect(s.promptTokens + (s.req.maxTokens ?? 0)).toBeLessThanOrEqual(window);
    const reduces = r.calls.filter((c) => c.phase === 'reduce');
    expect(reduces.length).toBeGreaterThan(1);
  });

  test("finishReason 'length' anywhere is reported as truncated", async () => {
    const window = 4096;
    const m = fakeModel({ window, finish: (_req, i) => (i === 1 ? 'length' : 'stop') });
    const r = await mapReduceSummarize({
      text: makeDoc(12),
      spec,
      prompts,
      complete: m.complete,
      countTokens: count,
      contextWindow: window,
    });
    expect(r.truncated).toBe(true);
    expect(r.calls.some((c) => c.finishReason === 'length')).toBe(true);

    const m2 = fakeModel({ window: 32768, finish: () => 'length' });
    const r2 = await mapReduceSummarize({
      text: '짧은 글',
      spec,
      prompts,
      complete: m2.complete,
      countTokens: count,
      contextWindow: 32768,
    });
    expect(r2).toMatchObject({ mode: 'single', truncated: true });
  });

  test('async exact counter that is larger than the estimate: chunks are re-split to fit', async () => {
    const window = 4096;
    const exact = async (t: string) => Math.ceil(estimateTokens(t) * 1.4); // the estimate under-counts here
    const seen: number[] = [];
    const complete = async (req: ChatRequest): Promise<ChatResult> => {
      const pt = await countPromptTokens(req.messages, exact);
      seen.push(pt + (req.maxTokens ?? 0));
      return { content: '- 요약', finishReason: 'stop' };
    };
    const r = await mapReduceSummarize({ text: makeDoc(10), spec, prompts, complete, countTokens: exact, contextWindow: window });
    expect(r.mode).toBe('map-reduce');
    for (const n of seen) expect(n).toBeLessThanOrEqual(window);
  });

  test('abort stops scheduling', async () => {
    const ac = new AbortController();
    const m = fakeModel({ window: 4096 });
    const p = mapReduceSummarize({
      text: makeDoc(12),
      spec,
      prompts,
      complete: async (req) => {
        ac.abort();
        return m.complete(req);
      },
      countTokens: count,
      contextWindow: 4096,
      concurrency: 1,
      signal: ac.signal,
    });
    await expect(p).rejects.toThrow();
    expect(m.seen.length).toBeLessThan(3);
  });

  const corpus = path.join(__dirname, '../../../../../shared/data/corpus/patent-act.md');
  (fs.existsSync(corpus) ? test : test.skip)('patent act in a 32K window', async () => {
    const m = fakeModel({ window: 32768 });
    const r = await mapReduceSummarize({
      text: fs.readFileSync(corpus, 'utf8'),
      spec,
      prompts,
      complete: m.complete,
      countTokens: count,
      contextWindow: 32768,
      concurrency: 4,
    });
    expect(r.maxPromptTokens).toBeLessThanOrEqual(32768);
    expect(r.promptTokens / r.documentTokens).toBeLessThan(1.3);
  });
});

describe('mapReduceSummarize: chunk size and a shared KV cache (llama-server slots)', () => {
  test('map chunks hold at most MAP_CHUNK_MAX_TOKENS of text, even in a 32K window', async () => {
    const m = fakeModel({ window: 32768 });
    const r = await mapReduceSummarize({
      text: makeDoc(60),
      spec,
      prompts,
      complete: m.complete,
      countTokens: count,
      contextWindow: 32768,
    });
    expect(r.mode).toBe('map-reduce');
    const probe = await countPromptTokens(buildMapProbe(), count);
    for (const c of r.calls.filter((x) => x.phase === 'map')) expect(c.promptTokens - probe).toBeLessThanOrEqual(MAP_CHUNK_MAX_TOKENS);
  });

  test('calls in flight are capped by the slots and fit the shared cache together', async () => {
    const window = 8192;
    // The model fails like llama-server when the prompts + outputs in flight overflow the one cache.
    let inFlightTokens = 0;
    let maxInFlight = 0;
    let active = 0;
    const complete = async (req: ChatRequest): Promise<ChatResult> => {
      const need = (await countPromptTokens(req.messages, count)) + (req.maxTokens ?? 0);
      inFlightTokens += need;
      active++;
      maxInFlight = Math.max(maxInFlight, active);
      try {
        await new Promise((r) => setTimeout(r, 5));
        if (inFlightTokens > window) throw new Error('Context size has been exceeded.');
        return { content: '- 부분 요약', finishReason: 'stop' };
      } finally {
        inFlightTokens -= need;
        active--;
      }
    };
    const r = await mapReduceSummarize({
      text: makeDoc(40),
      spec,
      prompts,
      complete,
      countTokens: count,
      contextWindow: window,
      concurrency: 8,
      totalSlots: 4,
    });
    expect(r.mode).toBe('map-reduce');
    expect(maxInFlight).toBeGreaterThan(1);
    expect(maxInFlight).toBeLessThanOrEqual(4);
  });
});

function buildMapProbe() {
  return buildMapMessages(spec, '', { index: 9999, total: 9999 }, prompts).messages;
}

describe('exact token counts only where they decide something', () => {
  /** A counter standing in for the model server's /tokenize: counts its calls. */
  const tokenizer = () => {
    const calls: string[] = [];
    return { calls, count: async (t: string) => (calls.push(t), estimateTokens(t)) };
  };
  const run = (text: string, window: number, countTokens: (t: string) => Promise<number>) => {
    const m = fakeModel({ window });
    return mapReduceSummarize({
      text,
      spec,
      prompts,
      complete: m.complete,
      stream: async (_req, onDelta: DeltaSink): Promise<StreamEnd> => {
        onDelta('- 요약');
        return { finishReason: 'stop' };
      },
      onDelta: () => undefined,
      countTokens,
      contextWindow: window,
    });
  };

  it('a text that fits by a wide margin goes in one call without asking the tokenizer', async () => {
    const t = tokenizer();
    const r = await run('짧은 회의록입니다. 예산과 일정을 정했습니다.', 32768, t.count);
    expect(r.mode).toBe('single');
    expect(t.calls).toHaveLength(0);
  });

  it('a text near the window is counted exactly before deciding', async () => {
    const doc = makeDoc(2);
    const built = buildMessages(spec, doc, prompts);
    const estimate = await countPromptTokensWithin(built.messages, async (x) => estimateTokens(x), Number.MAX_SAFE_INTEGER);
    // The smallest window whose budget (window − output − margin) holds the estimate with 5 % to spare: under the 2× cushion.
    let window = estimate + (built.maxTokens ?? 0);
    while (window - (built.maxTokens ?? 0) - Math.max(32, Math.ceil(window * 0.01)) < Math.ceil(estimate * 1.05)) window++;
    const t = tokenizer();
    await run(doc, window, t.count);
    expect(t.calls.length).toBeGreaterThan(0);
  });
});
