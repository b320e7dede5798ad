/**
 * Issue 11, build 8: Ollama's window. The double answers what Ollama's API documents:
 *  - GET /api/version → {version} (docs/api.md "Version");
 *  - POST /api/show {model} → {parameters: "num_ctx 8192\n…", model_info: {"<arch>.context_length": N}} (docs/api.md "Show Model Information");
 *  - GET /api/ps → {models: [{name, model, context_length}]} for loaded models (docs/api.md "List Running Models";
 *    `ollama ps` shows it as CONTEXT, docs/context-length.mdx);
 *  - default window without num_ctx: 2048 before 0.6.7, 4096 from 0.6.7, VRAM-dependent (4k/32k/256k) from 0.15.5
 *    (docs/context-length.mdx; OLLAMA_CONTEXT_LENGTH, docs/faq.md "How can I specify the context window size?").
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { detectBackend, type BackendInfo } from '../../../../server/llm/backend';
import { contextWindowWarning } from '../../../../server/llm/window-advice';
import { httpsRequest, startTestRelay } from '../../../helpers/relay';

interface OllamaShape {
  version: string;
  parameters?: string;
  loadedContext?: number;
}

async function fakeOllama(shape: OllamaShape): Promise<{ url: string; close: () => Promise<void> }> {
  const server = http.createServer((req, res) => {
    let raw = '';
    req.on('data', (c) => (raw += c));
    req.on('end', () => {
      const json = (status: number, body: unknown) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(body));
      };
      if (req.method === 'GET' && req.url === '/v1/models')
        return json(200, { object: 'list', data: [{ id: 'exaone3.5:7.8b', object: 'model', owned_by: 'library' }] });
      if (req.method === 'GET' && req.url === '/api/version') return json(200, { version: shape.version });
      if (req.method === 'POST' && req.url === '/api/show')
        return json(200, {
          parameters: shape.parameters ?? 'stop "[|endofturn|]"',
          model_info: { 'general.architecture': 'exaone', 'exaone.context_length': 32768 },
        });
      if (req.method === 'GET' && req.url === '/api/ps')
        return json(200, {
          models: shape.loadedContext ? [{ name: 'exaone3.5:7.8b', model: 'exaone3.5:7.8b', context_length: shape.loadedContext }] : [],
        });
      res.writeHead(404, { 'content-type': 'text/plain' }).end('404 page not found');
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/v1`, close: () => new Promise((r) => server.close(() => r())) };
}

async function detect(shape: OllamaShape): Promise<BackendInfo> {
  const s = await fakeOllama(shape);
  try {
    return await detectBackend(s.url, { model: 'exaone3.5:7.8b' });
  } finally {
    await s.close();
  }
}

describe("Ollama's window", () => {
  test('defaults by version when nothing sets num_ctx: 2048 before 0.6.7, 4096 from it, the smallest VRAM default from 0.15.5', async () => {
    expect(await detect({ version: '0.6.6' })).toMatchObject({ contextWindow: 2048, contextSource: 'default' });
    expect(await detect({ version: '0.6.7' })).toMatchObject({ contextWindow: 4096, contextSource: 'default' });
    const vram = await detect({ version: '0.15.5' });
    expect(vram).toMatchObject({ contextWindow: 4096, contextSource: 'default' });
    expect(vram.note).toMatch(/VRAM/);
  });

  test('the loaded model’s context (/api/ps) wins over the Modelfile’s num_ctx', async () => {
    expect(await detect({ version: '0.12.0', parameters: 'num_ctx 8192' })).toMatchObject({ contextWindow: 8192, contextSource: 'server' });
    expect(await detect({ version: '0.12.0', parameters: 'num_ctx 8192', loadedContext: 16384 })).toMatchObject({
      contextWindow: 16384,
      contextSource: 'server',
    });
  });

  test('unknown or small windows get a warning naming the setting that raises it', async () => {
    const assumed = contextWindowWarning(await detect({ version: '0.9.0' }))!;
    expect(assumed).toMatch(/does not report/);
    expect(assumed).toMatch(/OLLAMA_CONTEXT_LENGTH/);
    expect(assumed).toMatch(/num_ctx/);
    expect(contextWindowWarning(await detect({ version: '0.9.0', parameters: 'num_ctx 4096' }))).toMatch(
      /window is 4096 tokens.*OLLAMA_CONTEXT_LENGTH/,
    );
    expect(contextWindowWarning(await detect({ version: '0.9.0', parameters: 'num_ctx 32768' }))).toBeUndefined();
    expect(contextWindowWarning({ kind: 'llamacpp', contextWindow: 4096, contextSource: 'server' })).toMatch(/llama-server -c/);
    expect(contextWindowWarning({ kind: 'vllm', contextWindow: 32768, contextSource: 'server' })).toBeUndefined();
  });

  test('/api/health says so', async () => {
    const s = await fakeOllama({ version: '0.9.0' });
    const relay = await startTestRelay({ LLM_BASE_URL: s.url });
    try {
      const r = await httpsRequest(relay, 'GET', '/api/health');
      const body = JSON.parse(r.body) as { model: { backend?: string; contextWindow?: number; contextWarning?: string } };
      expect(body.model).toMatchObject({ backend: 'ollama', contextWindow: 4096 });
      expect(body.model.contextWarning).toMatch(/OLLAMA_CONTEXT_LENGTH/);
    } finally {
      await relay.close();
      await s.close();
    }
  }, 60_000);
});
