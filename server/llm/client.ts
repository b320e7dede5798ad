/**
 * Client for any OpenAI-compatible `/v1/chat/completions` (vLLM, llama.cpp's
 * llama-server, Ollama), streamed and not. SSE is parsed with eventsource-parser.
 * Every request can be aborted by the caller's signal; `timeoutMs` bounds the wait
 * for the response headers and every silence between two stream chunks.
 * Nothing here logs or returns request or response text in errors.
 */
import { EventSourceParserStream } from 'eventsource-parser/stream';
import { UpstreamError, isAbortError } from './errors';
import type { ChatRequest, ChatResult, LlmClient, StreamChunk, TokenUsage } from './types';

export type BodyDecorator = (body: Record<string, unknown>, req: ChatRequest) => Record<string, unknown>;

export interface OpenAiClientOptions {
  baseUrl: string;
  model: string;
  apiKey?: string;
  timeoutMs: number;
  fetch?: typeof fetch;
  /** Adds backend-specific fields, e.g. the JSON-schema dialect. */
  decorateBody?: BodyDecorator;
}

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

/** A watchdog that aborts when nothing happened for `ms`; `kick()` restarts it. */
class IdleTimer {
  private timer: NodeJS.Timeout | undefined;
  constructor(
    private readonly ms: number,
    private readonly onIdle: () => void,
  ) {
    this.kick();
  }
  kick(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(this.onIdle, this.ms);
  }
  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }
}

export function createOpenAiClient(opts: OpenAiClientOptions): LlmClient {
  const doFetch = opts.fetch ?? fetch;
  const url = `${opts.baseUrl.replace(/\/+$/, '')}/chat/completions`;
  const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json, text/event-stream' };
  if (opts.apiKey) headers.authorization = `Bearer ${opts.apiKey}`;

  function buildBody(req: ChatRequest, stream: boolean): string {
    let body: Record<string, unknown> = { model: opts.model, messages: req.messages, stream };
    if (req.temperature !== undefined) body.temperature = req.temperature;
    if (req.maxTokens !== undefined) body.max_tokens = req.maxTokens;
    if (stream) body.stream_options = { include_usage: true };
    if (opts.decorateBody) body = opts.decorateBody(body, req);
    return JSON.stringify(body);
  }

  /** Sends the request; resolves once response headers arrived and were 2xx. */
  async function send(req: ChatRequest, stream: boolean, controller: AbortController, timer: IdleTimer): Promise<Response> {
    let response: Response;
    try {
      response = await doFetch(url, { method: 'POST', headers, body: buildBody(req, stream), signal: controller.signal });
    } catch (err) {
      throw mapFetchError(err, controller);
    }
    timer.kick();
    if (!response.ok) {
      const text = await response.text().catch(() => '');
      const contextExceeded = /context length|context window|maximum context|too many tokens|exceeds the available context/i.test(text);
      // The upstream body is not echoed: it may quote the prompt.
      throw new UpstreamError(contextExceeded ? 'UPSTREAM_CONTEXT_EXCEEDED' : 'UPSTREAM_HTTP_ERROR', response.status, `HTTP ${response.status}`);
    }
    return response;
  }

  function mapFetchError(err: unknown, controller: AbortController): UpstreamError {
    if (err instanceof UpstreamError) return err;
    const reason: unknown = controller.signal.reason;
    if (reason instanceof UpstreamError) return reason;
    if (controller.signal.aborted || isAbortError(err)) return new UpstreamError('UPSTREAM_ABORTED');
    return new UpstreamError('UPSTREAM_UNREACHABLE');
  }

  /** Links the caller's signal and the idle timer to one controller. */
  function control(req: ChatRequest): { controller: AbortController; timer: IdleTimer; release: () => void } {
    const controller = new AbortController();
    const timer = new IdleTimer(opts.timeoutMs, () => controller.abort(new UpstreamError('UPSTREAM_TIMEOUT')));
    const onAbort = () => controller.abort(new UpstreamError('UPSTREAM_ABORTED'));
    if (req.signal?.aborted) onAbort();
    else req.signal?.addEventListener('abort', onAbort, { once: true });
    return {
      controller,
      timer,
      release: () => {
        timer.stop();
        req.signal?.removeEventListener('abort', onAbort);
      },
    };
  }

  async function chat(req: ChatRequest): Promise<ChatResult> {
    const { controller, timer, release } = control(req);
    try {
      const response = await send(req, false, controller, timer);
      let parsed: WireCompletion;
      try {
        parsed = (await response.json()) as WireCompletion;
      } catch (err) {
        if (controller.signal.aborted) throw mapFetchError(err, controller);
        throw new UpstreamError('UPSTREAM_BAD_RESPONSE', response.status, 'not JSON');
      }
      const choice = parsed.choices?.[0];
      const content = choice?.message?.content;
      if (typeof content !== 'string') throw new UpstreamError('UPSTREAM_BAD_RESPONSE', response.status, 'no message content');
      return { content, finishReason: choice?.finish_reason ?? null, usage: toUsage(parsed.usage) };
    } catch (err) {
      throw mapFetchError(err, controller);
    } finally {
      release();
    }
  }

  async function* chatStream(req: ChatRequest): AsyncGenerator<StreamChunk> {
    const { controller, timer, release } = control(req);
    let reader: ReadableStreamDefaultReader<{ data: string }> | undefined;
    let completed = false;
    try {
      const response = await send(req, true, controller, timer);
      if (!response.body) throw new UpstreamError('UPSTREAM_BAD_RESPONSE', response.status, 'empty body');
      const events = response.body
        .pipeThrough(new TextDecoderStream())
        .pipeThrough(new EventSourceParserStream({ onError: 'terminate' }));
      reader = events.getReader();
      let finishReason: string | null | undefined;
      let usage: TokenUsage | undefined;
      let sawDone = false;
      for (;;) {
        let next: ReadableStreamReadResult<{ data: string }>;
        try {
          next = await reader.read();
        } catch (err) {
          if (controller.signal.aborted) throw mapFetchError(err, controller);
          throw new UpstreamError(finishReason === undefined ? 'UPSTREAM_STREAM_CLOSED' : 'UPSTREAM_BAD_RESPONSE');
        }
        if (next.done) break;
        timer.kick();
        const data = next.value.data;
        if (data === '[DONE]') {
          sawDone = true;
          break;
        }
        let chunk: WireCompletion;
        try {
          chunk = JSON.parse(data) as WireCompletion;
        } catch {
          throw new UpstreamError('UPSTREAM_BAD_RESPONSE', response.status, 'malformed stream event');
        }
        if (chunk.error) throw new UpstreamError('UPSTREAM_HTTP_ERROR', response.status, 'error event in stream');
        usage = toUsage(chunk.usage) ?? usage;
        const choice = chunk.choices?.[0];
        const text = choice?.delta?.content;
        if (typeof text === 'string' && text.length > 0) yield { type: 'delta', text };
        if (choice?.finish_reason) finishReason = choice.finish_reason;
      }
      if (!sawDone && finishReason === undefined) throw new UpstreamError('UPSTREAM_STREAM_CLOSED');
      completed = true;
      yield { type: 'finish', finishReason: finishReason ?? null, usage };
    } catch (err) {
      throw mapFetchError(err, controller);
    } finally {
      release();
      if (!completed && !controller.signal.aborted) {
        // Consumer stopped early (or we failed): close the upstream connection.
        controller.abort(new UpstreamError('UPSTREAM_ABORTED'));
      }
      if (!completed) reader?.cancel().catch(() => undefined);
    }
  }

  return { model: opts.model, chat, chatStream };
}
