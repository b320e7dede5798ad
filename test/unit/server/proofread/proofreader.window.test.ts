/**
 * Defect 6 (issue 11): proofreading batches are sized from the model's window with
 * max_tokens inside it, and a paragraph the model leaves out is retried once and then
 * reported as unchecked — never counted as clean.
 */
import { runModelLayer, type UncheckedParagraphs } from '../../../../server/proofread/model-layer';
import type { ChatRequest, ChatResult } from '../../../../server/llm/types';
import { callWindow } from '../../../../server/proofread/proofreader';

const count = (t: string) => t.length;
/** What a server counts for a rendered prompt: text plus a few tokens per message (template markers). */
const promptTokens = (req: ChatRequest) => req.messages.reduce((n, m) => n + count(m.content) + 8, 0);

/** The paragraphs of a proofreading request (the JSON line of the user message). */
function paragraphsOf(req: ChatRequest): Array<{ id: string; text: string }> {
  const line = req.messages[req.messages.length - 1]!.content.split('\n').find((l) => l.startsWith('{"paragraphs"'))!;
  return (JSON.parse(line) as { paragraphs: Array<{ id: string; text: string }> }).paragraphs;
}

/**
 * vLLM's check: "This model's maximum context length is N tokens. However, you requested
 * M tokens (P in the messages, C in the completion)" → HTTP 400 (vllm/entrypoints/openai/serving_engine.py).
 */
function vllmLike(window: number, answer: (ps: Array<{ id: string; text: string }>, call: number) => unknown) {
  const calls: Array<{ ids: string[]; prompt: number; maxTokens: number }> = [];
  const complete = async (req: ChatRequest): Promise<ChatResult> => {
    const ps = paragraphsOf(req);
    const prompt = promptTokens(req);
    calls.push({ ids: ps.map((p) => p.id), prompt, maxTokens: req.maxTokens ?? 0 });
    if (prompt + (req.maxTokens ?? 0) > window) {
      throw Object.assign(new Error(`maximum context length is ${window} tokens; requested ${prompt + (req.maxTokens ?? 0)}`), {
        status: 400,
      });
    }
    return { content: JSON.stringify(answer(ps, calls.length)), finishReason: 'stop' };
  };
  return { complete, calls };
}

const fix = (ps: Array<{ id: string; text: string }>) => ({
  results: ps.map((p) => ({ id: p.id, edits: p.text.includes('됬') ? [{ original: '됬다', corrected: '됐다', reason: '' }] : [] })),
});

describe('batches from the window', () => {
  test('every request keeps prompt + max_tokens within the window, and every paragraph is checked', async () => {
    const window = 4096;
    const paragraphs = Array.from({ length: 40 }, (_, i) => ({
      id: `p${i}`,
      text: `${i}번 문단은 됬다. ` + '가나다라마바사아자차카타파하 '.repeat(6),
    }));
    const model = vllmLike(window, fix);
    const unchecked: UncheckedParagraphs[] = [];
    const out = await runModelLayer(paragraphs, {
      complete: model.complete,
      countTokens: count,
      contextWindow: window,
      concurrency: 1,
      onUnchecked: (u) => void unchecked.push(u),
    });
    for (const c of model.calls) expect(c.prompt + c.maxTokens).toBeLessThanOrEqual(window);
    expect(model.calls.length).toBeGreaterThan(1);
    expect(unchecked).toEqual([]);
    expect(new Set(out.map((s) => s.paragraphId)).size).toBe(40);
  });

  test('a paragraph too long for the window is reported, not sent', async () => {
    const model = vllmLike(2048, fix);
    const unchecked: UncheckedParagraphs[] = [];
    await runModelLayer(
      [
        { id: 'short', text: '됬다' },
        { id: 'long', text: '가'.repeat(3000) },
      ],
      {
        complete: model.complete,
        countTokens: count,
        contextWindow: 2048,
        onUnchecked: (u) => void unchecked.push(u),
      },
    );
    expect(model.calls.map((c) => c.ids)).toEqual([['short']]);
    expect(unchecked).toEqual([{ paragraphIds: ['long'], reason: 'too-long' }]);
  });
});

describe('paragraphs the model leaves out', () => {
  const paragraphs = ['첫째가 됬다', '둘째가 됬다', '셋째가 됬다'].map((text, i) => ({ id: `p${i}`, text }));

  test('are asked once more, alone', async () => {
    const model = vllmLike(32768, (ps, call) => fix(call === 1 ? ps.filter((p) => p.id !== 'p1') : ps));
    const unchecked: UncheckedParagraphs[] = [];
    const out = await runModelLayer(paragraphs, {
      complete: model.complete,
      countTokens: count,
      onUnchecked: (u) => void unchecked.push(u),
    });
    expect(model.calls.map((c) => c.ids)).toEqual([['p0', 'p1', 'p2'], ['p1']]);
    expect(out.map((s) => s.paragraphId)).toEqual(['p0', 'p1', 'p2']);
    expect(unchecked).toEqual([]);
  });

  test('left out twice: reported unchecked, counted in progress, never as clean', async () => {
    const model = vllmLike(32768, (ps) => fix(ps.filter((p) => p.id !== 'p1')));
    const unchecked: UncheckedParagraphs[] = [];
    const progress: Array<{ done: number; unchecked: number }> = [];
    const out = await runModelLayer(paragraphs, {
      complete: model.complete,
      countTokens: count,
      onUnchecked: (u) => void unchecked.push(u),
      onBatch: (_s, p) => void progress.push({ done: p.done, unchecked: p.unchecked }),
    });
    expect(model.calls.map((c) => c.ids)).toEqual([['p0', 'p1', 'p2'], ['p1']]);
    expect(out.map((s) => s.paragraphId)).toEqual(['p0', 'p2']);
    expect(unchecked).toEqual([{ paragraphIds: ['p1'], reason: 'missing' }]);
    expect(progress[progress.length - 1]).toEqual({ done: 3, unchecked: 1 });
  });

  test('an empty or non-JSON answer: retried once, then unchecked', async () => {
    for (const [content, reason] of [
      ['', 'missing'],
      ['죄송합니다, 교정할 수 없습니다.', 'unreadable'],
    ] as const) {
      let n = 0;
      const unchecked: UncheckedParagraphs[] = [];
      await runModelLayer(paragraphs, {
        complete: async () => (n++, { content, finishReason: 'stop' }),
        countTokens: count,
        onUnchecked: (u) => void unchecked.push(u),
      });
      expect(n).toBe(2);
      expect(unchecked).toEqual([{ paragraphIds: ['p0', 'p1', 'p2'], reason }]);
    }
  });
});

describe("llama-server's slots share one window", () => {
  test('batches in flight are capped by the slots and each gets its share of the window', () => {
    expect(callWindow(32768, 8)).toEqual({ window: 32768, concurrency: 8 });
    expect(callWindow(32768, 8, 4)).toEqual({ window: 8192, concurrency: 4 });
    expect(callWindow(8192, 8, 4)).toEqual({ window: 4096, concurrency: 2 });
    expect(callWindow(4096, 8, 4)).toEqual({ window: 4096, concurrency: 1 });
  });
});
