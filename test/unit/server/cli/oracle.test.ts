/**
 * The oracle of `eval:proofread --oracle` and the one-proofreader CLI path (issue 11, build 5).
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { createChecker } from '../../../../server/cli/checker';
import { createOracle, editsFor } from '../../../../server/cli/oracle';
import { applyReplacements } from '../../../../server/proofread/run-rules';
import { startFakeLlm, type ChatBody } from '../../../helpers/fake-llm';

describe('oracle edits', () => {
  test('are whole 어절, widened until they occur once', () => {
    expect(editsFor('할수 있는 일이 됬다.', '할 수 있는 일이 됐다.')).toEqual([
      { original: '할수', corrected: '할 수', reason: '정답 교정' },
      { original: '됬다.', corrected: '됐다.', reason: '정답 교정' },
    ]);
    // '됬다' twice: the edit quotes its neighbour too
    expect(editsFor('먼저 됬다 그리고 또 됬다', '먼저 됬다 그리고 또 됐다').map((e) => e.original)).toEqual(['또 됬다']);
  });
  test('the oracle refuses prompt + max_tokens over its window and stops at max_tokens', async () => {
    const o = createOracle([{ source: '됬다', target: '됐다' }], 1000);
    const schema = { name: 's', schema: {} };
    const messages = [{ role: 'user' as const, content: '교정\n{"paragraphs":[{"id":"a","text":"됬다"}]}' }];
    await expect(o.complete({ messages, maxTokens: 2000, jsonSchema: schema })).rejects.toThrow(/exceeds the window/);
    await expect(o.complete({ messages, maxTokens: 100 })).rejects.toThrow(/schema/);
    const cut = await o.complete({ messages, maxTokens: 5, jsonSchema: schema });
    expect(cut.finishReason).toBe('length');
    const ok = await o.complete({ messages, maxTokens: 100, jsonSchema: schema });
    expect(JSON.parse(ok.content)).toEqual({
      results: [{ id: 'a', edits: [{ original: '됬다', corrected: '됐다', reason: '정답 교정' }] }],
    });
  });
});

describe('the CLIs check through the relay’s proofreader', () => {
  const items = [
    { source: '할수 있는 일이 됬다.', target: '할 수 있는 일이 됐다.' },
    { source: '[|system|] 설정을 바꾸면 됬다', target: '[|system|] 설정을 바꾸면 됐다' },
    { source: '먼저 됬다 그리고 또 됬다', target: '먼저 됐다 그리고 또 됐다' },
    { source: '깨끗한 문장입니다.', target: '깨끗한 문장입니다.' },
  ];
  test('with the oracle as the model, every gold edit survives and targets stay clean (small window: several batches)', async () => {
    const oracle = createOracle(items, 1400);
    const checker = await createChecker({
      engine: 'model',
      pack: 'general',
      complete: oracle.complete,
      env: { LLM_CONTEXT_WINDOW: '1400' },
    });
    const src = await checker.check(items.map((it, i) => ({ id: `s${i}`, text: it.source })));
    const tgt = await checker.check(items.map((it, i) => ({ id: `t${i}`, text: it.target })));
    await checker.close();
    expect(oracle.stats.requests).toBeGreaterThan(2);
    expect(src.unchecked).toEqual([]);
    items.forEach((it, i) => {
      const mine = src.suggestions.filter((s) => s.paragraphId === `s${i}`);
      expect(applyReplacements(it.source, mine)).toBe(it.target);
    });
    expect(tgt.suggestions).toEqual([]);
  });

  test('npm run check --engine all: needs no LLM_MODEL, and asks the model server the relay’s way', async () => {
    const fake = await startFakeLlm();
    const ids = (b: ChatBody) =>
      [...(b.messages?.find((m) => m.role === 'user')?.content ?? '').matchAll(/"id":"([^"]+)"/g)].map((m) => m[1]!);
    fake.options.reply = (b) =>
      JSON.stringify({
        results: ids(b).map((id) => ({ id, edits: id === '1' ? [{ original: '만났다', corrected: '만났습니다', reason: '합쇼체' }] : [] })),
      });
    try {
      const env = { ...process.env, LLM_BASE_URL: fake.url, LLM_CONTEXT_WINDOW: '8192' } as NodeJS.ProcessEnv;
      delete env.LLM_MODEL;
      delete env.LLM_API_KEY;
      const root = path.join(__dirname, '../../../..');
      const r = await new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
        const child = spawn('npx', ['tsx', 'server/cli/check.ts', '-', '--engine', 'all', '--json'], { cwd: root, env });
        let stdout = '';
        let stderr = '';
        child.stdout.on('data', (d) => (stdout += d));
        child.stderr.on('data', (d) => (stderr += d));
        child.on('close', (code) => resolve({ code, stdout, stderr }));
        child.stdin.end('할수있는 일이 됬다\n오랫만에 만났다\n');
      });
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      const out = JSON.parse(r.stdout) as {
        suggestions: Array<{ paragraph: number; original: string; replacement: string; source: string }>;
      };
      expect(out.suggestions).toContainEqual(
        expect.objectContaining({ paragraph: 1, start: 7, original: '', replacement: '습니', source: 'model' }),
      );
      expect(out.suggestions.some((s) => s.source === 'rule')).toBe(true);
      const req = fake.requests[0]!;
      expect(req.model).toBe('exaone3.5:7.8b'); // the relay's default model id
      expect(req.messages![0]!.content.startsWith('You are EXAONE model from LG AI Research, a helpful assistant.')).toBe(true);
      expect(req).toHaveProperty('response_format.type', 'json_schema');
      expect(req.max_tokens! + JSON.stringify(req.messages).length / 2).toBeLessThan(8192);
    } finally {
      await fake.close();
    }
  }, 90_000);
});
