import { runModelLayer } from '../../../../server/proofread/model-layer';
import { mapReduceSummarize } from '../../../../server/generation/map-reduce';
import { loadPrompts } from '../../../../server/generation/prompts';
import { UpstreamError } from '../../../../server/llm/errors';
import type { ChatRequest, ChatResult } from '../../../../server/llm/types';

/** A model that fails its first call and answers the others slowly, counting calls. */
function flakyModel() {
  let calls = 0;
  const complete = async (req: ChatRequest): Promise<ChatResult> => {
    calls++;
    if (calls === 1) throw new UpstreamError('UPSTREAM_HTTP_ERROR', 500);
    await new Promise<void>((resolve, reject) => {
      const t = setTimeout(resolve, 20);
      req.signal?.addEventListener('abort', () => {
        clearTimeout(t);
        reject(new UpstreamError('UPSTREAM_ABORTED'));
      });
    });
    return { content: '{"results":[]}', finishReason: 'stop' };
  };
  return { complete, calls: () => calls };
}

describe('a failed model call stops its sibling calls', () => {
  it('in the proofreading model layer', async () => {
    const model = flakyModel();
    const paragraphs = Array.from({ length: 20 }, (_, i) => ({
      id: `p${i}`,
      text: `${i}번째 문단은 충분히 길어서 따로 묶입니다.`.repeat(20),
    }));
    await expect(
      runModelLayer(paragraphs, { complete: model.complete, countTokens: (t) => t.length, tokenBudget: 300, concurrency: 2 }),
    ).rejects.toThrow(UpstreamError);
    const after = model.calls();
    await new Promise((r) => setTimeout(r, 100));
    expect(model.calls()).toBe(after); // nothing more started after the failure
    expect(after).toBeLessThanOrEqual(2);
  });

  it('in the map-reduce summary', async () => {
    const model = flakyModel();
    const text = Array.from({ length: 40 }, (_, i) => `제${i + 1}조(목적) ${'이 법은 발명을 보호하고 장려한다. '.repeat(30)}`).join('\n\n');
    await expect(
      mapReduceSummarize({
        text,
        spec: { task: 'summarize', length: 'short', form: 'paragraph' },
        prompts: loadPrompts(),
        complete: model.complete,
        countTokens: (t) => t.length,
        contextWindow: 4096,
        concurrency: 2,
      }),
    ).rejects.toThrow(UpstreamError);
    const after = model.calls();
    await new Promise((r) => setTimeout(r, 100));
    expect(model.calls()).toBe(after);
    expect(after).toBeLessThanOrEqual(2);
  });
});
