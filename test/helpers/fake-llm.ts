/**
 * The model's test double: an in-process OpenAI-compatible server
 * (`/v1/chat/completions` streamed and not, `/v1/models`). It stands in for the
 * model and nothing else. Speed, response and faults are set per instance and
 * can be changed between requests.
 *
 * It keeps faith with the real servers where they differ from a naive double; the contract
 * test (test/real-engine/fake-contract.test.ts) sends the same requests to this fake and to a
 * real llama-server and compares the shapes, so the two cannot drift apart silently:
 *  - usage in a stream only when `stream_options.include_usage` is true, as a last chunk with
 *    `choices: []` (OpenAI's spec; llama.cpp tools/server/server-task.cpp, vLLM the same);
 *  - flavour 'llamacpp' (llama.cpp tools/server): `/props` (`default_generation_settings.n_ctx`,
 *    `total_slots`), `/tokenize` `{content}` → `{tokens}`, `/slots`, `/health`; errors as
 *    `{error: {code, message, type}}` (server-common.cpp format_error_response), the prompt too long
 *    for a slot → 400 `exceed_context_size_error` "request (N tokens) exceeds the available context
 *    size (M tokens), try increasing it" (server-context.cpp); and the connection is not reused after
 *    a streamed answer although keep-alive is announced: a request sent on that socket is reset
 *    (ECONNRESET), which is what a client sees when it reuses the closed socket;
 *  - flavour 'generic' (default; vLLM-like): context exceeded is vLLM's 400 "This model's maximum
 *    context length is N tokens. …"; connections stay open.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export type Fault =
  | 'none'
  | 'http500'
  | 'http503'
  | 'context-exceeded'
  | 'hang'
  | 'malformed-sse'
  | 'close-mid-stream'
  | 'length'
  | 'invalid-json'
  // The whole answer and `[DONE]` sent, then the connection reset before the chunked body's end
  // (a proxy or load balancer that drops the connection at the end of a stream).
  | 'reset-after-done';

export interface FakeReply {
  content: string;
  finishReason?: 'stop' | 'length';
}

export interface ChatBody {
  model?: string;
  messages?: Array<{ role: string; content: string }>;
  stream?: boolean;
  max_tokens?: number;
  response_format?: unknown;
  [k: string]: unknown;
}

export interface FakeLlmOptions {
  /** What the model answers; default: a short Korean summary-like text. */
  reply?: (body: ChatBody) => string | FakeReply;
  firstTokenDelayMs?: number;
  tokenDelayMs?: number;
  fault?: Fault;
  /** Per-request fault (wins over `fault` when it returns one), e.g. chosen from the prompt. */
  faultFor?: (body: ChatBody) => Fault | undefined;
  model?: string;
  contextWindow?: number;
  /** Which real server to be faithful to (see the module comment). Default 'generic'. */
  flavour?: 'generic' | 'llamacpp';
  /** llama.cpp flavour: slots reported by /props and /slots. Default 1. */
  totalSlots?: number;
}

export interface FakeLlm {
  url: string; // base URL including /v1
  port: number;
  options: FakeLlmOptions;
  requests: ChatBody[];
  /** Streams currently open. */
  readonly active: number;
  /** Streams the client closed before the answer ended. */
  readonly aborted: number;
  readonly completed: number;
  /** TCP connections open from clients now. */
  readonly connections: number;
  close(): Promise<void>;
}

/** Splits text into token-like pieces: a Hangul syllable or up to 4 other characters. */
export function fakeTokens(text: string): string[] {
  return text.match(/[\uAC00-\uD7A3]|\s+|[^\s\uAC00-\uD7A3]{1,4}/gu) ?? [];
}

const defaultReply = (body: ChatBody): string => {
  const user = body.messages?.filter((m) => m.role === 'user').pop()?.content ?? '';
  return `## 요약\n\n- 문서는 ${user.length.toLocaleString('en-US')}자입니다.\n- **핵심** 내용을 정리했습니다.`;
};

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

export async function startFakeLlm(options: FakeLlmOptions = {}): Promise<FakeLlm> {
  const state = { active: 0, aborted: 0, completed: 0 };
  const requests: ChatBody[] = [];
  const sockets = new Set<import('node:net').Socket>();

  /** Sockets that carried a streamed answer (llama.cpp flavour): not reused by the server. */
  const spent = new WeakSet<import('node:net').Socket>();

  const server = http.createServer(async (req, res) => {
    const o = fake.options;
    const llamacpp = o.flavour === 'llamacpp';
    if (req.socket && spent.has(req.socket)) {
      // The real server closed this connection after its stream; the client reused it anyway.
      req.socket.resetAndDestroy();
      return;
    }
    const json = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
      res.end(JSON.stringify(body));
    };
    const nCtx = o.contextWindow ?? 4096;
    if (req.method === 'GET' && req.url === '/v1/models') {
      json(200, { object: 'list', data: [{ id: o.model ?? 'exaone3.5:7.8b', object: 'model', owned_by: llamacpp ? 'llamacpp' : 'fake' }] });
      return;
    }
    if (llamacpp && req.method === 'GET' && req.url === '/health') {
      json(200, { status: 'ok' });
      return;
    }
    if (llamacpp && req.method === 'GET' && req.url === '/props') {
      json(200, {
        default_generation_settings: { n_ctx: nCtx, params: {} },
        total_slots: o.totalSlots ?? 1,
        model_alias: o.model ?? 'exaone3.5:7.8b',
        model_path: '/models/fake.gguf',
        chat_template: '',
        modalities: { vision: false, audio: false },
        build_info: 'fake',
      });
      return;
    }
    if (llamacpp && req.method === 'GET' && req.url === '/slots') {
      json(
        200,
        Array.from({ length: o.totalSlots ?? 1 }, (_, id) => ({ id, n_ctx: nCtx, speculative: false, is_processing: id < state.active })),
      );
      return;
    }
    if (llamacpp && req.method === 'POST' && req.url === '/tokenize') {
      const chunks: Buffer[] = [];
      for await (const c of req) chunks.push(c as Buffer);
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as { content?: string };
      json(200, { tokens: fakeTokens(body.content ?? '').map((_, i) => 1000 + i) });
      return;
    }
    if (req.method !== 'POST' || req.url !== '/v1/chat/completions') {
      res.writeHead(404).end();
      return;
    }
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    let body: ChatBody;
    try {
      body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as ChatBody;
    } catch {
      res.writeHead(400, { 'content-type': 'application/json' }).end('{"error":{"message":"bad json"}}');
      return;
    }
    requests.push(body);
    const fault = o.faultFor?.(body) ?? o.fault ?? 'none';
    if (fault === 'http500' || fault === 'http503') {
      const code = fault === 'http500' ? 500 : 503;
      json(code, { error: { code, message: 'upstream failure', type: code === 500 ? 'server_error' : 'unavailable_error' } });
      return;
    }
    if (fault === 'context-exceeded') {
      const promptTokens = (body.messages ?? []).reduce((n, m) => n + fakeTokens(m.content).length, 0);
      if (llamacpp) {
        json(400, {
          error: {
            code: 400,
            message: `request (${promptTokens} tokens) exceeds the available context size (${nCtx} tokens), try increasing it`,
            type: 'exceed_context_size_error',
            n_prompt_tokens: promptTokens,
            n_ctx: nCtx,
          },
        });
      } else {
        json(400, {
          object: 'error',
          message: `This model's maximum context length is ${nCtx} tokens. However, your request has ${promptTokens} input tokens. Please reduce the length of the input messages.`,
          type: 'BadRequestError',
          param: null,
          code: 400,
        });
      }
      return;
    }
    if (fault === 'hang') return; // never answers; the client's timeout must fire
    const raw = (o.reply ?? defaultReply)(body);
    const reply: FakeReply = typeof raw === 'string' ? { content: raw } : raw;
    let finishReason = fault === 'length' ? 'length' : (reply.finishReason ?? 'stop');
    let content = fault === 'invalid-json' ? '{"id": "p0", "edits": [ {"original": "됬' : reply.content;
    let tokens = fakeTokens(content);
    if (body.max_tokens && tokens.length > body.max_tokens) {
      tokens = tokens.slice(0, body.max_tokens);
      content = tokens.join('');
      finishReason = 'length';
    }
    const promptChars = (body.messages ?? []).reduce((n, m) => n + m.content.length, 0);
    const usage = { prompt_tokens: promptChars, completion_tokens: tokens.length, total_tokens: promptChars + tokens.length };

    if (!body.stream) {
      await sleep((o.firstTokenDelayMs ?? 0) + (o.tokenDelayMs ?? 0) * tokens.length);
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({
          id: 'chatcmpl-fake',
          object: 'chat.completion',
          model: body.model,
          choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: finishReason }],
          usage,
        }),
      );
      state.completed++;
      return;
    }

    state.active++;
    let closed = false;
    let finished = false;
    res.on('close', () => {
      closed = true;
      state.active--;
      if (!finished) state.aborted++;
    });
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive' });
    const send = (obj: unknown) => res.write(`data: ${JSON.stringify(obj)}\n\n`);
    const chunk = (delta: Record<string, unknown>, finish: string | null) => ({
      id: 'chatcmpl-fake',
      object: 'chat.completion.chunk',
      model: body.model,
      choices: [{ index: 0, delta, finish_reason: finish }],
    });
    if (o.firstTokenDelayMs) await sleep(o.firstTokenDelayMs);
    if (closed) return;
    send(chunk({ role: 'assistant' }, null));
    for (let i = 0; i < tokens.length; i++) {
      if (closed) return;
      if (i > 0 && o.tokenDelayMs) await sleep(o.tokenDelayMs);
      if (closed) return;
      if (fault === 'malformed-sse' && i === Math.floor(tokens.length / 2)) {
        res.write('data: {"choices": [ this is not json\n\n');
      }
      if (fault === 'close-mid-stream' && i === Math.floor(tokens.length / 2)) {
        // Flush what was written, then end the connection without finishing the answer.
        res.socket?.end();
        return;
      }
      send(chunk({ content: tokens[i] }, null));
    }
    if (closed) return;
    send(chunk({}, finishReason));
    const streamOptions = body.stream_options as { include_usage?: boolean } | undefined;
    if (streamOptions?.include_usage) send({ id: 'chatcmpl-fake', object: 'chat.completion.chunk', choices: [], usage });
    res.write('data: [DONE]\n\n');
    if (fault === 'reset-after-done') {
      // Let [DONE] leave, then reset instead of sending the terminating chunk.
      await sleep(20);
      res.socket?.resetAndDestroy();
      return;
    }
    finished = true;
    state.completed++;
    if (llamacpp && res.socket) spent.add(res.socket);
    res.end();
  });
  server.keepAliveTimeout = 5_000;
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;

  const fake: FakeLlm = {
    url: `http://127.0.0.1:${port}/v1`,
    port,
    options,
    requests,
    get active() {
      return state.active;
    },
    get aborted() {
      return state.aborted;
    },
    get completed() {
      return state.completed;
    },
    get connections() {
      return sockets.size;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
  return fake;
}
