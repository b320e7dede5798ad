import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { BackendUnreachableError, detectBackend, splitBaseUrl, type BackendInfo } from '../../../../server/llm/backend';
import { createTokenCounter, estimateTokens } from '../../../../server/llm/tokens';
import { withJsonSchema } from '../../../../server/llm/json-schema';

type Handler = (method: string, url: string, body: unknown) => { status?: number; json?: unknown } | undefined;

/** The `prompt` of a vLLM /tokenize request body. */
function promptOf(body: unknown): string {
  if (typeof body === 'object' && body !== null && 'prompt' in body && typeof body.prompt === 'string') return body.prompt;
  throw new Error(`no prompt in ${JSON.stringify(body)}`);
}

async function fakeServer(handler: Handler): Promise<{ url: string; hits: string[]; close: () => Promise<void> }> {
  const hits: string[] = [];
  const server = http.createServer((req, res) => {
    let raw = '';
    req.on('data', (c) => (raw += c));
    req.on('end', () => {
      hits.push(`${req.method} ${req.url}`);
      const body = raw ? JSON.parse(raw) : undefined;
      const r = handler(req.method!, req.url!, body);
      if (!r) {
        res.writeHead(404, { 'content-type': 'text/plain' });
        res.end('not found');
        return;
      }
      res.writeHead(r.status ?? 200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(r.json));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, hits, close: () => new Promise((r) => server.close(() => r())) };
}

describe('detectBackend', () => {
  test('splitBaseUrl', () => {
    expect(splitBaseUrl('http://h:8000/v1/')).toEqual({ v1: 'http://h:8000/v1', root: 'http://h:8000' });
    expect(splitBaseUrl('http://h:8080')).toEqual({ v1: 'http://h:8080/v1', root: 'http://h:8080' });
  });

  test('vLLM: max_model_len from /v1/models, tokenizer at /tokenize', async () => {
    const s = await fakeServer((m, url, body) => {
      if (m === 'GET' && url === '/v1/models')
        return {
          json: {
            object: 'list',
            data: [{ id: 'LGAI-EXAONE/EXAONE-3.5-7.8B-Instruct', object: 'model', owned_by: 'vllm', root: 'x', max_model_len: 32768 }],
          },
        };
      if (m === 'POST' && url === '/tokenize') return { json: { count: [...promptOf(body)].length, max_model_len: 32768, tokens: [] } };
      return undefined;
    });
    try {
      const info = await detectBackend(`${s.url}/v1`, { apiKey: 'k' });
      expect(info).toMatchObject({
        kind: 'vllm',
        contextWindow: 32768,
        tokenizeUrl: `${s.url}/tokenize`,
        modelId: 'LGAI-EXAONE/EXAONE-3.5-7.8B-Instruct',
      });
      const count = createTokenCounter(info, fetch);
      expect(await count('가나다')).toBe(3);
    } finally {
      await s.close();
    }
  });

  test('llama.cpp: n_ctx from /props at the server root, tokenizer {content} → {tokens}', async () => {
    let tokenizeBody: unknown;
    const s = await fakeServer((m, url, body) => {
      if (m === 'GET' && url === '/v1/models')
        return { json: { object: 'list', data: [{ id: 'exaone-3.5-7.8b-q4_k_m.gguf', object: 'model', owned_by: 'llamacpp' }] } };
      if (m === 'GET' && url === '/props') return { json: { default_generation_settings: { n_ctx: 16384 }, total_slots: 1 } };
      if (m === 'POST' && url === '/tokenize') {
        tokenizeBody = body;
        return { json: { tokens: [1, 2, 3, 4] } };
      }
      return undefined;
    });
    try {
      const info = await detectBackend(`${s.url}/v1`);
      expect(info).toMatchObject({
        kind: 'llamacpp',
        contextWindow: 16384,
        tokenizeUrl: `${s.url}/tokenize`,
        modelId: 'exaone-3.5-7.8b-q4_k_m.gguf',
      });
      expect(await createTokenCounter(info, fetch)('아무 글')).toBe(4);
      expect(tokenizeBody).toMatchObject({ content: '아무 글' });
    } finally {
      await s.close();
    }
  });

  test('Ollama: effective window is num_ctx when set, smaller than the trained length', async () => {
    let showBody: unknown;
    const s = await fakeServer((m, url, body) => {
      if (m === 'GET' && url === '/v1/models')
        return { json: { object: 'list', data: [{ id: 'exaone3.5:7.8b', object: 'model', owned_by: 'library' }] } };
      if (m === 'GET' && url === '/api/version') return { json: { version: '0.9.6' } };
      if (m === 'POST' && url === '/api/show') {
        showBody = body;
        return {
          json: {
            parameters: 'num_ctx                        8192\nstop "[|endofturn|]"',
            model_info: { 'general.architecture': 'exaone', 'exaone.context_length': 32768 },
          },
        };
      }
      return undefined;
    });
    try {
      const info = await detectBackend(`${s.url}/v1`);
      expect(showBody).toEqual({ model: 'exaone3.5:7.8b' });
      expect(info).toMatchObject({ kind: 'ollama', contextWindow: 8192, trainedContextWindow: 32768, modelId: 'exaone3.5:7.8b' });
      expect(info.note).toMatch(/num_ctx=8192/);
      expect(info.tokenizeUrl).toBeUndefined();
    } finally {
      await s.close();
    }
  });

  test('Ollama without num_ctx: the default, said so; /api/ps wins when it reports the loaded context', async () => {
    let ps: unknown = { models: [] };
    const s = await fakeServer((m, url) => {
      if (m === 'GET' && url === '/v1/models')
        return { json: { object: 'list', data: [{ id: 'exaone3.5:7.8b', object: 'model', owned_by: 'library' }] } };
      if (m === 'GET' && url === '/api/version') return { json: { version: '0.5.7' } };
      if (m === 'POST' && url === '/api/show')
        return {
          json: { parameters: 'stop "[|endofturn|]"', model_info: { 'general.architecture': 'exaone', 'exaone.context_length': 32768 } },
        };
      if (m === 'GET' && url === '/api/ps') return { json: ps };
      return undefined;
    });
    try {
      const info = await detectBackend(`${s.url}/v1`);
      expect(info).toMatchObject({ kind: 'ollama', contextWindow: 2048, contextSource: 'default' });
      expect(info.note).toMatch(/default 2048/);
      ps = { models: [{ name: 'exaone3.5:7.8b', model: 'exaone3.5:7.8b', context_length: 16384 }] };
      expect(await detectBackend(`${s.url}/v1`)).toMatchObject({ kind: 'ollama', contextWindow: 16384, contextSource: 'server' });
    } finally {
      await s.close();
    }
  });

  test('generic OpenAI-compatible: configured window, estimate counter', async () => {
    const s = await fakeServer((m, url) =>
      m === 'GET' && url === '/v1/models'
        ? { json: { object: 'list', data: [{ id: 'm', object: 'model', owned_by: 'someone' }] } }
        : undefined,
    );
    try {
      const info = await detectBackend(s.url, { configuredContextWindow: 32768 });
      expect(info).toEqual({ kind: 'openai', contextWindow: 32768, contextSource: 'configured', modelId: 'm' });
      expect(await createTokenCounter(info, fetch)('한국어 문장')).toBe(estimateTokens('한국어 문장'));
    } finally {
      await s.close();
    }
  });

  test('unreachable server: rejects (nothing was detected; the caller retries)', async () => {
    await expect(detectBackend('http://127.0.0.1:9/v1', { configuredContextWindow: 4096, timeoutMs: 500 })).rejects.toBeInstanceOf(
      BackendUnreachableError,
    );
  });

  test('a failing tokenizer falls back to the estimate', async () => {
    const info: BackendInfo = { kind: 'vllm', contextWindow: 1000, tokenizeUrl: 'http://127.0.0.1:9/tokenize', modelId: 'm' };
    expect(await createTokenCounter(info, fetch, { timeoutMs: 300 })('가나다라')).toBe(estimateTokens('가나다라'));
  });
});

describe('estimateTokens', () => {
  test('Korean-aware and conservative', () => {
    expect(estimateTokens('')).toBe(0);
    // Common syllables ~1 token each (+5 % safety), never length/4.
    expect(estimateTokens('대한민국')).toBeGreaterThanOrEqual(4);
    // Rare syllables cost more than common ones.
    expect(estimateTokens('똠똠똠똠')).toBeGreaterThan(estimateTokens('가나다라'));
    // English ~ 1 token per 4 letters.
    const en = 'The quick brown fox jumps over the lazy dog';
    expect(estimateTokens(en)).toBeGreaterThanOrEqual(10);
    expect(estimateTokens(en)).toBeLessThan(en.length / 2);
    // Digits one each.
    expect(estimateTokens('2025')).toBeGreaterThanOrEqual(4);
  });
  test('sub-additive: estimate(a+b) <= estimate(a)+estimate(b)', () => {
    const samples = ['가나 다', '  ', ' ', 'abc', 'de f', '12', '😀', '\n', '제1조(목적)', 'ab  '];
    for (const a of samples)
      for (const b of samples) expect(estimateTokens(a + b)).toBeLessThanOrEqual(estimateTokens(a) + estimateTokens(b));
  });
});

describe('withJsonSchema', () => {
  const spec = { name: 'proofread result', schema: { type: 'object', properties: { ok: { type: 'boolean' } }, required: ['ok'] } };
  const body = { model: 'm', messages: [] };
  test('vLLM and OpenAI: response_format json_schema, strict', () => {
    for (const kind of ['vllm', 'openai'] as const) {
      expect(withJsonSchema(body, kind, spec)).toEqual({
        model: 'm',
        messages: [],
        response_format: { type: 'json_schema', json_schema: { name: 'proofread_result', schema: spec.schema, strict: true } },
      });
    }
  });
  test('llama.cpp: native json_schema only', () => {
    const out = withJsonSchema({ ...body, response_format: { type: 'text' } }, 'llamacpp', spec);
    expect(out).toEqual({ model: 'm', messages: [], json_schema: spec.schema });
  });
  test('Ollama (OpenAI-compatible endpoint): response_format json_schema', () => {
    expect(withJsonSchema(body, 'ollama', spec)).toMatchObject({
      response_format: { type: 'json_schema', json_schema: { schema: spec.schema } },
    });
  });
  test('does not mutate the input', () => {
    const b = { model: 'm' };
    withJsonSchema(b, 'vllm', spec);
    expect(b).toEqual({ model: 'm' });
  });
});
