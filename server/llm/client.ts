/**
 * Client for any OpenAI-compatible `/v1/chat/completions` (vLLM, llama.cpp's
 * llama-server, Ollama), streamed and not. SSE is parsed with eventsource-parser.
 * Every request can be aborted by the caller's signal; `timeoutMs` bounds the wait
 * for the response headers and every silence between two stream chunks.
 * Nothing here logs or returns request or response text in errors.
 *
 * Transport: node:http(s) with a keep-alive agent per client. The global fetch
 * (undici + WHATWG streams) cost ~2–3 ms per request and per first token here, which
 * is most of what a relay adds; plain http requests with a callback SSE parser keep
 * the relay's overhead well under a millisecond (docs/BENCHMARKS.md, bench:relay).
 */
import http from 'node:http';
import https from 'node:https';
import { createParser, type EventSourceMessage } from 'eventsource-parser';
import { UpstreamError } from './errors';
import type { ChatRequest, ChatResult, DeltaSink, LlmClient, StreamEnd, TokenUsage } from './types';

export type BodyDecorator = (body: Record<string, unknown>, req: ChatRequest) => Record<string, unknown>;

export interface OpenAiClientOptions {
  baseUrl: string;
  model: string;
  apiKey?: string;
  timeoutMs: number;
  /** Adds backend-specific fields, e.g. the JSON-schema dialect. */
  decorateBody?: BodyDecorator;
  /** A kept-alive connection idle this long is closed by us (default IDLE_SOCKET_MS). */
  idleSocketMs?: number;
}

/**
 * Idle keep-alive connections are closed after 4 s: before the model server closes them
 * itself (vLLM: uvicorn's keep-alive of 5 s; llama-server: cpp-httplib's
 * CPPHTTPLIB_KEEPALIVE_TIMEOUT_SECOND of 5 s), so a request is not sent on a socket the
 * server is closing (which costs an ECONNRESET and the retry below). The timeout only
 * closes FREE sockets (node:http Agent `timeout`: the agent destroys a socket on 'timeout'
 * only while it is in its free list); a stream that is quiet for longer is not cut.
 */
export const IDLE_SOCKET_MS = 4000;

interface WireChoice {
  delta?: { content?: string | null; reasoning_content?: string | null };
  message?: { content?: string | null };
  finish_reason?: string | null;
}

interface WireCompletion {
  choices?: WireChoice[];
  usage?: { prompt_tokens?: number; completion_tokens?: number } | null;
  error?: unknown;
}

function toUsage(u: WireCompletion['usage']): TokenUsage | undefined {
  if (!u || typeof u.prompt_tokens !== 'number') return undefined;
  return { promptTokens: u.prompt_tokens, completionTokens: u.completion_tokens ?? 0 };
}

/** A watchdog that fires when nothing happened for `ms`; `kick()` restarts it. */
class IdleTimer {
  private timer: NodeJS.Timeout | undefined;
  constructor(
    private readonly ms: number,
    private readonly onIdle: () => void,
  ) {
    this.kick();
  }
  kick(): void {
    if (this.timer) this.timer.refresh();
    else this.timer = setTimeout(this.onIdle, this.ms);
  }
  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }
}

/**
 * Upstream texts that say "the prompt (+ max_tokens) does not fit the window". Not retryable:
 * the same request fails on any endpoint of the same size, and the endpoint is not down.
 *  - llama.cpp llama-server: 400 "the request exceeds the available context size, try increasing it"
 *    (type `exceed_context_size_error`), and 500 "Context size has been exceeded." when the slots'
 *    shared KV cache fills up during generation.
 *  - vLLM: 400 "This model's maximum context length is N tokens. However, you requested M tokens …",
 *    "'max_tokens' … is too large: …" and "… is too long and exceeds limit of …" (newer versions).
 *  - Ollama / OpenAI: "context length", "context window".
 */
export const CONTEXT_EXCEEDED =
  /context length|context window|maximum context|too many tokens|exceeds the available context|exceed_context_size_error|context size has been exceeded|is too long and exceeds limit/i;

/** One upstream request: the response once headers arrived, and a way to end it early. */
interface Exchange {
  response: Promise<http.IncomingMessage>;
  /** Ends the request with this error (abort, timeout). */
  fail(err: UpstreamError): void;
  /** The error the exchange was ended with, if any. */
  readonly failure: UpstreamError | null;
  release(): void;
  kick(): void;
}

/**
 * Reads an OpenAI-style event stream (`data: {json}` … `data: [DONE]`) from a 2xx response,
 * calling `onDelta` for each non-empty `delta.content`, and resolves with how it ended.
 * What `onDelta` throws ends the read and is left at `reading.consumerError`.
 */
function readEventStream(
  res: http.IncomingMessage,
  ex: Exchange,
  onDelta: DeltaSink,
  reading: { consumerError?: unknown },
): Promise<StreamEnd> {
  return new Promise<StreamEnd>((resolve, reject) => {
    let finishReason: string | null | undefined;
    let usage: TokenUsage | undefined;
    let sawDone = false;
    let settled = false;
    const stop = (err: unknown) => {
      if (settled) return;
      settled = true;
      reject(err);
    };
    const onEvent = (data: string) => {
      if (data === '[DONE]') {
        sawDone = true;
        return;
      }
      let wire: WireCompletion;
      try {
        wire = JSON.parse(data) as WireCompletion;
      } catch {
        throw new UpstreamError('UPSTREAM_BAD_RESPONSE', res.statusCode, 'malformed stream event');
      }
      if (wire.error) {
        // llama-server reports a KV cache that filled up mid-generation as an error event.
        const code = CONTEXT_EXCEEDED.test(JSON.stringify(wire.error)) ? 'UPSTREAM_CONTEXT_EXCEEDED' : 'UPSTREAM_HTTP_ERROR';
        throw new UpstreamError(code, res.statusCode, 'error event in stream');
      }
      usage = toUsage(wire.usage) ?? usage;
      const choice = wire.choices?.[0];
      const text = choice?.delta?.content;
      if (choice?.finish_reason) finishReason = choice.finish_reason;
      if (typeof text === 'string' && text.length > 0) {
        try {
          onDelta(text);
        } catch (err) {
          reading.consumerError = err;
          throw err;
        }
      }
    };
    const parser = createParser({
      onEvent: (e: EventSourceMessage) => {
        if (!sawDone && !settled) onEvent(e.data);
      },
    });
    res.setEncoding('utf8');
    res.on('data', (chunk: string) => {
      ex.kick();
      if (sawDone || settled) return;
      try {
        parser.feed(chunk);
      } catch (err) {
        stop(err); // chatStream ends the upstream request
      }
    });
    res.on('end', () => {
      if (ex.failure) stop(ex.failure);
      else if (!sawDone && finishReason === undefined) stop(new UpstreamError('UPSTREAM_STREAM_CLOSED'));
      else if (!settled) {
        settled = true;
        resolve({ finishReason: finishReason ?? null, usage });
      }
    });
    // A connection that closed before the end ('aborted'), or the exchange failed (timeout, abort).
    // After `[DONE]` the answer is whole: a connection reset before the chunked end loses nothing.
    const broken = () => {
      if (sawDone && !ex.failure && !settled) {
        settled = true;
        resolve({ finishReason: finishReason ?? null, usage });
        return;
      }
      stop(ex.failure ?? new UpstreamError(finishReason === undefined ? 'UPSTREAM_STREAM_CLOSED' : 'UPSTREAM_BAD_RESPONSE'));
    };
    res.on('error', broken);
    res.on('close', () => {
      if (!res.complete) broken();
    });
  });
}

// Over 80 lines as a factory: its inner functions (buildBody, start, ok, readText, chat, chatStream) share the
// client's settings and keep-alive agent in one closure; each of them is short.
export function createOpenAiClient(opts: OpenAiClientOptions): LlmClient {
  const url = new URL(`${opts.baseUrl.replace(/\/+$/, '')}/chat/completions`);
  const secure = url.protocol === 'https:';
  const agentOptions = {
    keepAlive: true,
    maxSockets: Infinity,
    maxFreeSockets: 256,
    scheduling: 'lifo' as const,
    timeout: opts.idleSocketMs ?? IDLE_SOCKET_MS,
  };
  const agent = secure ? new https.Agent(agentOptions) : new http.Agent(agentOptions);
  const baseHeaders: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json, text/event-stream' };
  if (opts.apiKey) baseHeaders.authorization = `Bearer ${opts.apiKey}`;
  // Request options taken from the URL once, not per request (urlToHttpOptions showed in profiles).
  const target: http.RequestOptions = {
    method: 'POST',
    agent,
    protocol: url.protocol,
    hostname: url.hostname.replace(/^\[|\]$/g, ''),
    port: url.port || undefined,
    path: `${url.pathname}${url.search}`,
    ...(url.username || url.password ? { auth: `${decodeURIComponent(url.username)}:${decodeURIComponent(url.password)}` } : {}),
  };

  function buildBody(req: ChatRequest, stream: boolean): string {
    let body: Record<string, unknown> = { model: opts.model, messages: req.messages, stream };
    if (req.temperature !== undefined) body.temperature = req.temperature;
    if (req.maxTokens !== undefined) body.max_tokens = req.maxTokens;
    if (stream) body.stream_options = { include_usage: true };
    if (opts.decorateBody) body = opts.decorateBody(body, req);
    return JSON.stringify(body);
  }

  function start(req: ChatRequest, stream: boolean): Exchange {
    const payload = Buffer.from(buildBody(req, stream), 'utf8');
    let failure: UpstreamError | null = null;
    let outgoing: http.ClientRequest | null = null;
    let incoming: http.IncomingMessage | null = null;
    const fail = (err: UpstreamError) => {
      if (failure) return;
      failure = err;
      timer.stop();
      incoming?.destroy(err);
      outgoing?.destroy(err);
    };
    const timer = new IdleTimer(opts.timeoutMs, () => fail(new UpstreamError('UPSTREAM_TIMEOUT')));
    const onAbort = () => fail(new UpstreamError('UPSTREAM_ABORTED'));
    const response = new Promise<http.IncomingMessage>((resolve, reject) => {
      if (req.signal?.aborted) {
        onAbort();
        reject(failure);
        return;
      }
      req.signal?.addEventListener('abort', onAbort, { once: true });
      const send = (isRetry: boolean) => {
        const request = (secure ? https : http).request({
          ...target,
          headers: { ...baseHeaders, 'content-length': String(payload.length) },
        });
        outgoing = request;
        request.setNoDelay(true);
        request.on('error', (err: NodeJS.ErrnoException) => {
          // A kept-alive socket the server closed meanwhile (llama-server closes the
          // connection after a streamed answer although it announces keep-alive; vLLM's
          // keep-alive is 5 s): the request never reached the server, so sending it again
          // once on a fresh socket is safe. Node's documented pattern: `reusedSocket` +
          // ECONNRESET (https://nodejs.org/api/http.html#requestreusedsocket).
          if (!failure && !isRetry && !incoming && request.reusedSocket && err.code === 'ECONNRESET') {
            send(true);
            return;
          }
          reject(failure ?? new UpstreamError('UPSTREAM_UNREACHABLE'));
        });
        request.on('response', (res) => {
          incoming = res;
          timer.kick();
          resolve(res);
        });
        request.end(payload);
      };
      send(false);
    });
    response.catch(() => undefined);
    return {
      response,
      fail,
      get failure() {
        return failure;
      },
      release: () => {
        timer.stop();
        req.signal?.removeEventListener('abort', onAbort);
      },
      kick: () => timer.kick(),
    };
  }

  /** The response when it is 2xx; otherwise its body is drained and an error thrown. */
  async function ok(ex: Exchange): Promise<http.IncomingMessage> {
    const res = await ex.response;
    const status = res.statusCode ?? 0;
    if (status >= 200 && status < 300) return res;
    const text = await readText(res, ex).catch(() => '');
    // The upstream body is not echoed: it may quote the prompt.
    throw new UpstreamError(CONTEXT_EXCEEDED.test(text) ? 'UPSTREAM_CONTEXT_EXCEEDED' : 'UPSTREAM_HTTP_ERROR', status, `HTTP ${status}`);
  }

  async function readText(res: http.IncomingMessage, ex: Exchange): Promise<string> {
    res.setEncoding('utf8');
    let text = '';
    try {
      for await (const chunk of res) {
        ex.kick();
        text += chunk as string;
      }
    } catch (err) {
      throw ex.failure ?? new UpstreamError('UPSTREAM_STREAM_CLOSED');
    }
    return text;
  }

  async function chat(req: ChatRequest): Promise<ChatResult> {
    const ex = start(req, false);
    try {
      const res = await ok(ex);
      const text = await readText(res, ex);
      let parsed: WireCompletion;
      try {
        parsed = JSON.parse(text) as WireCompletion;
      } catch {
        throw new UpstreamError('UPSTREAM_BAD_RESPONSE', res.statusCode, 'not JSON');
      }
      const choice = parsed.choices?.[0];
      const content = choice?.message?.content;
      if (typeof content !== 'string') throw new UpstreamError('UPSTREAM_BAD_RESPONSE', res.statusCode, 'no message content');
      return { content, finishReason: choice?.finish_reason ?? null, usage: toUsage(parsed.usage) };
    } catch (err) {
      throw ex.failure ?? (err instanceof UpstreamError ? err : new UpstreamError('UPSTREAM_UNREACHABLE'));
    } finally {
      ex.release();
    }
  }

  /**
   * Streams a completion: the upstream response's `data` events are parsed and handed to
   * `onDelta` in the same turn (no async iteration per chunk). The response is read to its
   * end even after `[DONE]`: leaving early destroys the socket, and the keep-alive
   * connection is worth keeping. On any failure the upstream request is ended.
   */
  async function chatStream(req: ChatRequest, onDelta: DeltaSink): Promise<StreamEnd> {
    const ex = start(req, true);
    let completed = false;
    const reading: { consumerError?: unknown } = {};
    try {
      const res = await ok(ex);
      const end = await readEventStream(res, ex, onDelta, reading);
      completed = true;
      return end;
    } catch (err) {
      // What onDelta threw is the caller's own error: passed on as it is.
      if ('consumerError' in reading) throw reading.consumerError;
      throw ex.failure ?? (err instanceof UpstreamError ? err : new UpstreamError('UPSTREAM_UNREACHABLE'));
    } finally {
      ex.release();
      if (!completed) ex.fail(new UpstreamError('UPSTREAM_ABORTED'));
    }
  }

  return { model: opts.model, chat, chatStream };
}
