/**
 * Which OpenAI-compatible server is behind LLM_BASE_URL, and how large its context is.
 *
 * Probes, in order, documented endpoints only:
 *  - vLLM: `GET /v1/models` entries carry `max_model_len` and `owned_by: "vllm"`.
 *    Tokenizer: `POST /tokenize` at the server root, `{model, prompt}` → `{count, tokens, max_model_len}`.
 *  - llama.cpp llama-server: `GET /props` at the server root (base URL minus `/v1`) →
 *    `default_generation_settings.n_ctx` (per slot). Tokenizer: `POST /tokenize` `{content}` → `{tokens}`.
 *  - Ollama: `GET /api/version` → `{version}`, then `POST /api/show {model}` →
 *    `model_info["<general.architecture>.context_length"]` (what the model was trained for) and
 *    `parameters` (a text block, may hold `num_ctx N`). Ollama's effective window is num_ctx
 *    (default 2048 before v0.6, 4096 after, or OLLAMA_CONTEXT_LENGTH which no endpoint reports),
 *    and it silently truncates longer prompts, so we report the smaller, effective figure and say
 *    why in `note`. `GET /api/ps` (loaded models) reports `context_length` in recent versions and
 *    is preferred when present.
 *  - Anything else: 'openai' with the configured context window (or null).
 */

export type BackendKind = 'vllm' | 'llamacpp' | 'ollama' | 'openai';

export interface BackendInfo {
  kind: BackendKind;
  /** Effective context window in tokens (prompt + output); null when unknown. */
  contextWindow: number | null;
  /** Exact tokenizer endpoint (vLLM, llama.cpp). */
  tokenizeUrl?: string;
  modelId?: string;
  /** Where `contextWindow` came from. */
  contextSource?: 'server' | 'configured' | 'default';
  /** Ollama: the model's trained context length (may be larger than the effective window). */
  trainedContextWindow?: number;
  /** Human-readable remark (e.g. why the Ollama window is smaller than the model's). */
  note?: string;
  /**
   * llama.cpp: parallel slots (`total_slots` in /props). Recent llama-server builds share one
   * KV cache of `contextWindow` tokens between all slots, so concurrent requests must fit it together.
   */
  totalSlots?: number;
}

/** `/v1/models` did not answer 200 (server down, unreachable or still loading): nothing was learnt. */
export class BackendUnreachableError extends Error {
  constructor() {
    super('The model server did not answer any detection probe.');
    this.name = 'BackendUnreachableError';
  }
}

export interface DetectOptions {
  apiKey?: string;
  fetch?: typeof fetch;
  /** Per probe request. Default 3000 ms. */
  timeoutMs?: number;
  /** Used when the server does not tell (and as a cap hint in notes). */
  configuredContextWindow?: number;
  /** Model to ask about (Ollama /api/show); default: the first entry of /v1/models. */
  model?: string;
}

/** Base URL without trailing slash, and the server root (minus a trailing `/v1`). */
export function splitBaseUrl(baseUrl: string): { v1: string; root: string } {
  const trimmed = baseUrl.replace(/\/+$/, '');
  const root = trimmed.replace(/\/v1$/, '');
  return { v1: `${root}/v1`, root };
}

interface ModelsEntry {
  id?: string;
  owned_by?: string;
  max_model_len?: number;
}

export async function detectBackend(baseUrl: string, opts: DetectOptions = {}): Promise<BackendInfo> {
  const f = opts.fetch ?? fetch;
  const timeoutMs = opts.timeoutMs ?? 3000;
  const { v1, root } = splitBaseUrl(baseUrl);
  const headers: Record<string, string> = opts.apiKey ? { authorization: `Bearer ${opts.apiKey}` } : {};
  const configured = opts.configuredContextWindow ?? null;

  const getJson = async (url: string, init?: { method?: string; body?: unknown }): Promise<unknown> => {
    try {
      const res = await f(url, {
        method: init?.method ?? 'GET',
        headers: init?.body !== undefined ? { ...headers, 'content-type': 'application/json' } : headers,
        body: init?.body !== undefined ? JSON.stringify(init.body) : undefined,
        signal: AbortSignal.timeout(timeoutMs),
      });
      if (!res.ok) return undefined;
      const ct = res.headers.get('content-type') ?? '';
      const text = await res.text();
      if (!ct.includes('json') && !/^\s*[{[]/.test(text)) return undefined;
      return JSON.parse(text) as unknown;
    } catch {
      return undefined;
    }
  };

  // 1. /v1/models (every OpenAI-compatible server has it; vLLM adds max_model_len).
  const models = (await getJson(`${v1}/models`)) as { data?: ModelsEntry[] } | undefined;
  // Every OpenAI-compatible server answers 200 here once it serves. No answer, or an error
  // (llama-server answers 503 while it loads the model), means it is not ready: detecting now
  // would cache a guess (`openai` with the configured window), so say so and let the caller retry.
  if (models === undefined) throw new BackendUnreachableError();
  const entries = Array.isArray(models?.data) ? models!.data : [];
  const wanted = (opts.model && entries.find((e) => e.id === opts.model)) || entries[0];
  const modelId = opts.model ?? wanted?.id;
  const vllmEntry = entries.find((e) => e.owned_by === 'vllm' || typeof e.max_model_len === 'number');
  if (vllmEntry) {
    const entry = (opts.model && entries.find((e) => e.id === opts.model)) || vllmEntry;
    const len = typeof entry.max_model_len === 'number' ? entry.max_model_len : null;
    return {
      kind: 'vllm',
      contextWindow: len ?? configured,
      contextSource: len ? 'server' : configured ? 'configured' : undefined,
      tokenizeUrl: `${root}/tokenize`,
      modelId: entry.id ?? modelId,
    };
  }

  // 2. llama.cpp: GET /props at the server root.
  const props = (await getJson(`${root}/props`)) as
    { default_generation_settings?: { n_ctx?: number }; n_ctx?: number; model_alias?: string; total_slots?: number } | undefined;
  if (props && typeof props === 'object' && ('default_generation_settings' in props || 'n_ctx' in props)) {
    const nCtx = props.default_generation_settings?.n_ctx ?? props.n_ctx;
    const ok = typeof nCtx === 'number' && nCtx > 0;
    const slots = typeof props.total_slots === 'number' && props.total_slots > 0 ? props.total_slots : undefined;
    return {
      kind: 'llamacpp',
      contextWindow: ok ? nCtx : configured,
      contextSource: ok ? 'server' : configured ? 'configured' : undefined,
      tokenizeUrl: `${root}/tokenize`,
      modelId: modelId ?? props.model_alias,
      ...(slots ? { totalSlots: slots } : {}),
    };
  }

  // 3. Ollama: GET /api/version, POST /api/show.
  const version = (await getJson(`${root}/api/version`)) as { version?: string } | undefined;
  if (version && typeof version.version === 'string') {
    return detectOllama(root, version.version, modelId, configured, getJson);
  }

  // 4. Generic OpenAI-compatible.
  return {
    kind: 'openai',
    contextWindow: configured,
    contextSource: configured ? 'configured' : undefined,
    modelId,
  };
}

function versionAtLeast(v: string, major: number, minor: number, patch = 0): boolean {
  const m = /^(\d+)\.(\d+)(?:\.(\d+))?/.exec(v);
  if (!m) return true;
  const got = [Number(m[1]), Number(m[2]), Number(m[3] ?? 0)];
  const want = [major, minor, patch];
  for (let i = 0; i < 3; i++) if (got[i] !== want[i]) return got[i]! > want[i]!;
  return true;
}

async function detectOllama(
  root: string,
  version: string,
  modelId: string | undefined,
  configured: number | null,
  getJson: (url: string, init?: { method?: string; body?: unknown }) => Promise<unknown>,
): Promise<BackendInfo> {
  let trained: number | undefined;
  let numCtx: number | undefined;
  if (modelId) {
    const show = (await getJson(`${root}/api/show`, { method: 'POST', body: { model: modelId } })) as
      { model_info?: Record<string, unknown>; parameters?: string } | undefined;
    const info = show?.model_info ?? {};
    const arch = typeof info['general.architecture'] === 'string' ? (info['general.architecture'] as string) : undefined;
    const key = arch ? `${arch}.context_length` : Object.keys(info).find((k) => k.endsWith('.context_length'));
    const v = key ? info[key] : undefined;
    if (typeof v === 'number' && v > 0) trained = v;
    const m = typeof show?.parameters === 'string' ? /(?:^|\n)\s*num_ctx\s+(\d+)/.exec(show.parameters) : null;
    if (m) numCtx = Number(m[1]);
  }
  // The loaded model's context (`ollama ps` CONTEXT column, `context_length` in /api/ps) is the
  // window in effect, whatever set it (num_ctx, OLLAMA_CONTEXT_LENGTH, the VRAM default):
  // docs.ollama.com/context-length. It wins over the Modelfile's num_ctx when present.
  let loaded: number | undefined;
  if (modelId) {
    const ps = (await getJson(`${root}/api/ps`)) as
      { models?: Array<{ name?: string; model?: string; context_length?: number }> } | undefined;
    const entry = ps?.models?.find((e) => e.name === modelId || e.model === modelId);
    if (typeof entry?.context_length === 'number' && entry.context_length > 0) loaded = entry.context_length;
  }
  // Ollama's default when nothing sets num_ctx: 2048 before 0.6.7, 4096 from 0.6.7, and from
  // 0.15.5 chosen by VRAM (4k below 24 GiB, 32k to 48 GiB, 256k above: docs/context-length.mdx),
  // which no endpoint reports until the model is loaded: assume the smallest and say so.
  const defaultCtx = versionAtLeast(version, 0, 6, 7) ? 4096 : 2048;
  const vramDefault = versionAtLeast(version, 0, 15, 5);
  let effective: number;
  let note: string;
  if (loaded !== undefined) {
    effective = loaded;
    note = `Ollama context_length=${loaded} (loaded model, /api/ps)`;
  } else if (numCtx !== undefined) {
    effective = numCtx;
    note = `Ollama num_ctx=${numCtx} (model parameters)`;
  } else {
    effective = defaultCtx;
    note =
      `Ollama without num_ctx: assuming ${vramDefault ? 'the smallest of its VRAM-dependent defaults' : 'its default'} ${defaultCtx} tokens ` +
      `(OLLAMA_CONTEXT_LENGTH is not visible to clients until the model is loaded); set num_ctx in a Modelfile or ` +
      `OLLAMA_CONTEXT_LENGTH, and configure the window`;
  }
  if (trained !== undefined && trained < effective) effective = trained;
  if (trained !== undefined && trained > effective) {
    note += `; the model was trained for ${trained} but Ollama truncates prompts beyond the effective window`;
  }
  return {
    kind: 'ollama',
    contextWindow: effective,
    contextSource: numCtx !== undefined || loaded !== undefined ? 'server' : 'default',
    modelId,
    trainedContextWindow: trained,
    note: configured ? `${note}; configured ${configured}` : note,
  };
}
