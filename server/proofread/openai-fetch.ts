/** Tiny non-streaming OpenAI-compatible CompleteFn over fetch (used by the CLIs). */
import type { ChatResult, CompleteFn } from '../llm/types';

export interface FetchCompleteOptions {
  baseUrl: string;
  model: string;
  apiKey?: string;
  timeoutMs?: number;
}

export function fetchComplete(o: FetchCompleteOptions): CompleteFn {
  const url = o.baseUrl.replace(/\/+$/, '') + (/\/v1$/.test(o.baseUrl.replace(/\/+$/, '')) ? '' : '/v1') + '/chat/completions';
  return async (req): Promise<ChatResult> => {
    const body: Record<string, unknown> = {
      model: o.model,
      messages: req.messages,
      temperature: req.temperature ?? 0,
      stream: false,
    };
    if (req.maxTokens) body.max_tokens = req.maxTokens;
    if (req.jsonSchema) body.response_format = { type: 'json_schema', json_schema: { name: req.jsonSchema.name, schema: req.jsonSchema.schema } };
    const signals = [AbortSignal.timeout(o.timeoutMs ?? 120_000), ...(req.signal ? [req.signal] : [])];
    let res: Response;
    try {
      res = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(o.apiKey ? { authorization: `Bearer ${o.apiKey}` } : {}) },
        body: JSON.stringify(body),
        signal: AbortSignal.any(signals),
      });
    } catch (e) {
      throw new Error(`LLM endpoint unreachable at ${url}: ${(e as Error).message}`);
    }
    if (!res.ok) throw new Error(`LLM endpoint ${url} answered HTTP ${res.status}: ${(await res.text()).slice(0, 200)}`);
    const j = (await res.json()) as {
      choices?: Array<{ message?: { content?: string }; finish_reason?: string | null }>;
      usage?: { prompt_tokens?: number; completion_tokens?: number };
    };
    const c = j.choices?.[0];
    return {
      content: c?.message?.content ?? '',
      finishReason: c?.finish_reason ?? null,
      ...(j.usage ? { usage: { promptTokens: j.usage.prompt_tokens ?? 0, completionTokens: j.usage.completion_tokens ?? 0 } } : {}),
    };
  };
}

export function completeFromEnv(env: NodeJS.ProcessEnv = process.env): { complete: CompleteFn; model: string } {
  const baseUrl = env.LLM_BASE_URL;
  const model = env.LLM_MODEL;
  if (!baseUrl || !model) throw new Error('LLM_BASE_URL and LLM_MODEL must be set for --engine model/all');
  return { complete: fetchComplete({ baseUrl, model, ...(env.LLM_API_KEY ? { apiKey: env.LLM_API_KEY } : {}) }), model };
}
