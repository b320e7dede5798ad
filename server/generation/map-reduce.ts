/**
 * Summaries of documents of any length.
 *
 *  - Fits in one call (prompt + output reserve <= context window): one call, streamed when a
 *    stream function and `onDelta` are given.
 *  - Otherwise map-reduce: the text is chunked on structural boundaries (chunk.ts) so every
 *    map prompt fits; chunks are summarised concurrently (limited); the partial summaries are
 *    combined by a reduce call, recursively in groups when they do not fit one call. The final
 *    reduce streams.
 *  - Map chunks hold at most MAP_CHUNK_MAX_TOKENS of text (a 7.8B model summarises a few
 *    thousand tokens well, not a whole 32K window), and fewer when the calls in flight share
 *    one KV cache (llama-server's slots): then each gets the window divided by the calls in
 *    flight, and the calls in flight are capped by the server's slots.
 *  - A 'length' finish anywhere (map, intermediate or final) sets `truncated: true`: a cut-off
 *    summary is never passed off as complete.
 */
import { withFailFast } from '../abort';
import type { ChatMessage, ChatRequest, CompleteFn, DeltaSink, StreamEnd } from '../llm/types';
import { estimateTokens, MESSAGE_OVERHEAD_TOKENS, PROMPT_OVERHEAD_TOKENS } from '../llm/tokens';
import { chunkText, type CountFn } from './chunk';
import { createLimit } from './limit';
import { buildMapMessages, buildMessages, buildReduceMessages, type BuiltPrompt, type Prompts, type SummarizeSpec } from './prompts';
import { createThinkStripper, stripThink } from './think';

export type StreamFn = (req: ChatRequest, onDelta: DeltaSink) => Promise<StreamEnd>;
export type TokenCounter = (text: string) => number | Promise<number>;

export interface Progress {
  phase: 'map' | 'reduce';
  done: number;
  total: number;
}

export interface MapReduceOptions {
  text: string;
  spec: SummarizeSpec;
  prompts: Prompts;
  complete: CompleteFn;
  /** Streaming variant (e.g. `client.chatStream.bind(client)`); used for the last call when `onDelta` is set. */
  stream?: StreamFn;
  /** Exact (backend tokenizer) or estimated token count of a text. */
  countTokens: TokenCounter;
  contextWindow: number;
  /** Map/reduce calls in flight at once. Default 4. */
  concurrency?: number;
  /**
   * llama.cpp: the server's parallel slots (`total_slots`). Calls in flight are capped by it.
   * llama-server does not say whether its slots share one KV cache of `contextWindow` tokens
   * (`--kv-unified`, its default when -np is not given) or each have their own (explicit -np),
   * so the safe case is assumed: prompts + outputs in flight must fit the window together, and
   * each map/intermediate call gets contextWindow / calls in flight.
   */
  totalSlots?: number;
  signal?: AbortSignal;
  onProgress?: (p: Progress) => void;
  /** Text of the final call as it arrives (reasoning blocks already stripped). */
  onDelta?: (text: string) => void;
  /** Synchronous size function used to place chunk boundaries. Default: estimateTokens. */
  chunkCount?: CountFn;
  /** Tokens kept free in every call on top of the output reserve. Default max(32, 1 % of the window). */
  safetyMargin?: number;
}

export interface CallRecord {
  phase: 'single' | 'map' | 'reduce';
  promptTokens: number;
  maxTokens: number;
  finishReason: string | null;
}

export interface MapReduceResult {
  text: string;
  /** Some call stopped at its token limit: the summary may be incomplete. */
  truncated: boolean;
  mode: 'single' | 'map-reduce';
  chunks: number;
  /** Reduce rounds, including the final one (0 in single mode). */
  reduceLevels: number;
  calls: CallRecord[];
  /** Sum of prompt tokens over all calls. */
  promptTokens: number;
  maxPromptTokens: number;
  documentTokens: number;
}

/** Most text tokens in one map chunk, whatever the window (quality, not only fit). */
export const MAP_CHUNK_MAX_TOKENS = 3000;
/** Smallest useful text room of a map prompt. */
const MIN_MAP_ROOM = 256;

async function countMessages(messages: ChatMessage[], count: TokenCounter): Promise<number> {
  let n = PROMPT_OVERHEAD_TOKENS;
  for (const m of messages) n += MESSAGE_OVERHEAD_TOKENS + (await count(m.content));
  return n;
}

/** Prompt tokens of a built prompt, counted like the map-reduce does (contents + template overhead). */
export function countPromptTokens(messages: ChatMessage[], count: TokenCounter): Promise<number> {
  return countMessages(messages, count);
}

/**
 * How much room the estimate must leave before its answer is taken without the exact count:
 * twice its size. The estimate is an upper bound for Hangul; for rare Hanja (charged 1.5,
 * 2–3 real tokens) and long ASCII identifiers or URLs (charged len/4) it can be under by up
 * to half, and another model in LLM_MODEL has another tokenizer.
 */
const ESTIMATE_CUSHION = 2;

/**
 * Prompt tokens (contents + template overhead) for a "does it fit in `budget`?" decision.
 * When the estimate fits with room for its worst case (ESTIMATE_CUSHION), it is the answer:
 * the exact count could not change the decision, and asking the model server's `/tokenize`
 * (vLLM, llama.cpp: one HTTP request per message) would put that many round trips on the path
 * to the first token. Otherwise — a long text, near or over the budget — the exact count.
 */
export async function countPromptTokensWithin(messages: ChatMessage[], count: TokenCounter, budget: number): Promise<number> {
  const estimate = countMessagesEstimate(messages);
  if (Math.ceil(estimate * ESTIMATE_CUSHION) <= budget) return estimate;
  return countMessages(messages, count);
}

function countMessagesEstimate(messages: ChatMessage[]): number {
  let n = PROMPT_OVERHEAD_TOKENS;
  for (const m of messages) n += MESSAGE_OVERHEAD_TOKENS + estimateTokens(m.content);
  return n;
}

/** Summarises `opts.text`; a failed call stops the others (see withFailFast). */
export function mapReduceSummarize(opts: MapReduceOptions): Promise<MapReduceResult> {
  return withFailFast(opts.signal, (signal) => summarizeWith({ ...opts, signal }));
}

/** Runs the model calls of one summary, recording each (and whether any hit its token limit). */
interface Caller {
  run(phase: CallRecord['phase'], built: BuiltPrompt, promptTokens: number, streamIt: boolean, window?: number): Promise<string>;
  calls: CallRecord[];
  truncated(): boolean;
}

function createCaller(opts: MapReduceOptions): Caller {
  const { complete, signal, contextWindow: cw } = opts;
  const calls: CallRecord[] = [];
  let truncated = false;
  /** The final call's text as it arrives (reasoning stripped), forwarded to onDelta. */
  const streamed = async (req: ChatRequest, stream: StreamFn, onDelta: (t: string) => void) => {
    const stripper = createThinkStripper();
    let content = '';
    const { finishReason } = await stream(req, (text) => {
      const out = stripper.push(text);
      if (out) {
        content += out;
        onDelta(out);
      }
    });
    const tail = stripper.end();
    if (tail) {
      content += tail;
      onDelta(tail);
    }
    return { content, finishReason };
  };
  return {
    calls,
    truncated: () => truncated,
    async run(phase, built, promptTokens, streamIt, window = cw) {
      signal?.throwIfAborted();
      const maxTokens = built.maxTokens ?? 1024;
      if (promptTokens + maxTokens > window) {
        throw new Error(`prompt of ${promptTokens} tokens + ${maxTokens} output exceeds the ${window}-token window`);
      }
      const req: ChatRequest = { messages: built.messages, temperature: built.temperature, maxTokens, signal };
      let answer: { content: string; finishReason: string | null };
      if (streamIt && opts.stream && opts.onDelta) answer = await streamed(req, opts.stream, opts.onDelta);
      else {
        const res = await complete(req);
        answer = { content: stripThink(res.content), finishReason: res.finishReason };
      }
      if (answer.finishReason === 'length') truncated = true;
      calls.push({ phase, promptTokens, maxTokens, finishReason: answer.finishReason });
      return answer.content.trim();
    },
  };
}

/** How a document too long for one call is split: prompt overheads, calls in flight, the window of each. */
interface MapPlan {
  mapOverhead: number;
  reduceOverhead: number;
  interMax: number;
  /** Calls in flight at once. */
  parallel: number;
  /** The window each map / intermediate reduce call may fill. */
  callWindow: number;
  /** Text tokens per map prompt. */
  room: number;
}

async function planMap(opts: MapReduceOptions, margin: number): Promise<MapPlan> {
  const { spec, prompts, countTokens, contextWindow: cw } = opts;
  const probe = buildMapMessages(spec, '', { index: 9999, total: 9999 }, prompts);
  const mapOverhead = await countMessages(probe.messages, countTokens);
  const mapMax = probe.maxTokens ?? 600;
  const reduceProbe = buildReduceMessages(spec, [], false, prompts);
  const reduceOverhead = await countMessages(reduceProbe.messages, countTokens);
  const interMax = reduceProbe.maxTokens ?? 800;

  // Calls in flight, and the window each of them may fill. With slots sharing one cache,
  // fewer calls in flight rather than windows too small for a map prompt or for an
  // intermediate reduce of two partial summaries.
  const slots = opts.totalSlots && opts.totalSlots > 0 ? opts.totalSlots : undefined;
  let parallel = Math.max(1, slots ? Math.min(opts.concurrency ?? 4, slots) : (opts.concurrency ?? 4));
  const needed = Math.max(mapOverhead + mapMax + margin + MIN_MAP_ROOM, reduceOverhead + interMax + margin + 2 * (mapMax + 16));
  if (slots) while (parallel > 1 && Math.floor(cw / parallel) < needed) parallel--;
  const callWindow = slots ? Math.floor(cw / parallel) : cw;

  const room = Math.min(MAP_CHUNK_MAX_TOKENS, callWindow - mapOverhead - mapMax - margin);
  if (room < 64) throw new Error(`context window ${callWindow} is too small for a map prompt (${mapOverhead} + ${mapMax})`);
  return { mapOverhead, reduceOverhead, interMax, parallel, callWindow, room };
}

/**
 * Chunks by the synchronous estimate, then verifies each prompt with the real counter and
 * re-splits any chunk that does not fit (the estimate is conservative, so this is rare).
 */
async function mapChunks(opts: MapReduceOptions, text: string, plan: MapPlan): Promise<string[]> {
  const { spec, prompts, countTokens } = opts;
  const chunkCount = opts.chunkCount ?? estimateTokens;
  const { room, mapOverhead } = plan;
  const fitChunk = async (chunk: string, budget: number, depth: number): Promise<string[]> => {
    const built = buildMapMessages(spec, chunk, { index: 9999, total: 9999 }, prompts);
    const pt = await countMessages(built.messages, countTokens);
    if (pt - mapOverhead <= room || depth > 6) return [chunk];
    const actual = pt - mapOverhead;
    const smaller = Math.max(16, Math.floor(budget * (room / Math.max(actual, 1)) * 0.9));
    const parts = chunkText(chunk, { budget: smaller, count: chunkCount });
    const out: string[] = [];
    for (const p of parts) out.push(...(await fitChunk(p, smaller, depth + 1)));
    return out;
  };
  const chunks: string[] = [];
  for (const c of chunkText(text, { budget: room, count: chunkCount })) chunks.push(...(await fitChunk(c, room, 0)));
  return chunks;
}

/** Consecutive partial summaries grouped so that each intermediate reduce fits its window. */
async function groupPartials(
  opts: MapReduceOptions,
  current: readonly string[],
  plan: MapPlan,
  margin: number,
): Promise<Array<{ first: number; items: string[] }>> {
  const { spec, prompts, countTokens } = opts;
  const groupRoom = plan.callWindow - plan.reduceOverhead - plan.interMax - margin;
  const groups: Array<{ first: number; items: string[] }> = [];
  let g: string[] = [];
  let gTokens = 0;
  let first = 1;
  for (let i = 0; i < current.length; i++) {
    // Each partial's cost as wrapped in a <part> tag (+ separator).
    const wrapped = buildReduceMessages(spec, [current[i]!], false, prompts, i + 1);
    const cost = (await countMessages(wrapped.messages, countTokens)) - plan.reduceOverhead + 2;
    if (g.length && gTokens + cost > groupRoom) {
      groups.push({ first, items: g });
      g = [];
      gTokens = 0;
      first = i + 1;
    }
    g.push(current[i]!);
    gTokens += cost;
  }
  if (g.length) groups.push({ first, items: g });
  if (groups.length >= current.length) {
    throw new Error('partial summaries are too large to combine within the context window');
  }
  return groups;
}

async function summarizeWith(opts: MapReduceOptions): Promise<MapReduceResult> {
  const { spec, prompts, countTokens, contextWindow: cw, signal } = opts;
  const text = opts.text.replace(/\r\n?/g, '\n');
  const margin = opts.safetyMargin ?? Math.max(32, Math.ceil(cw * 0.01));
  const caller = createCaller(opts);
  // Counted like the prompts: estimated when the text goes in one call, exact for map-reduce.
  let documentTokens = 0;
  const result = (out: string, mode: MapReduceResult['mode'], chunks: number, reduceLevels: number): MapReduceResult => ({
    text: out,
    truncated: caller.truncated(),
    mode,
    chunks,
    reduceLevels,
    calls: caller.calls,
    promptTokens: caller.calls.reduce((a, c) => a + c.promptTokens, 0),
    maxPromptTokens: caller.calls.reduce((a, c) => Math.max(a, c.promptTokens), 0),
    documentTokens,
  });

  // ---- One call when it fits.
  const single = buildMessages(spec, text, prompts);
  const singleTokens = await countPromptTokensWithin(single.messages, countTokens, cw - (single.maxTokens ?? 0) - margin);
  if (singleTokens + (single.maxTokens ?? 0) + margin <= cw) {
    documentTokens = estimateTokens(text);
    const out = await caller.run('single', single, singleTokens, true);
    return result(out, 'single', 1, 0);
  }
  documentTokens = await countTokens(text);

  // ---- Map.
  const plan = await planMap(opts, margin);
  const limit = createLimit(plan.parallel);
  const chunks = await mapChunks(opts, text, plan);
  let mapDone = 0;
  opts.onProgress?.({ phase: 'map', done: 0, total: chunks.length });
  const partials = await Promise.all(
    chunks.map((chunk, i) =>
      limit(async () => {
        const built = buildMapMessages(spec, chunk, { index: i + 1, total: chunks.length }, prompts);
        const pt = await countMessages(built.messages, countTokens);
        const out = await caller.run('map', built, pt, false, plan.callWindow);
        opts.onProgress?.({ phase: 'map', done: ++mapDone, total: chunks.length });
        return out;
      }),
    ),
  );

  // ---- Reduce (recursive).
  let reduceDone = 0;
  let reduceTotal = 0;
  let levels = 0;
  let current = partials;
  for (;;) {
    signal?.throwIfAborted();
    levels++;
    const final = buildReduceMessages(spec, current, true, prompts);
    const ft = await countMessages(final.messages, countTokens);
    if (ft + (final.maxTokens ?? 0) + margin <= cw) {
      reduceTotal += 1;
      opts.onProgress?.({ phase: 'reduce', done: reduceDone, total: reduceTotal });
      const out = await caller.run('reduce', final, ft, true);
      opts.onProgress?.({ phase: 'reduce', done: ++reduceDone, total: reduceTotal });
      return result(out, 'map-reduce', chunks.length, levels);
    }
    const groups = await groupPartials(opts, current, plan, margin);
    reduceTotal += groups.length;
    opts.onProgress?.({ phase: 'reduce', done: reduceDone, total: reduceTotal });
    current = await Promise.all(
      groups.map((grp) =>
        limit(async () => {
          const built = buildReduceMessages(spec, grp.items, false, prompts, grp.first);
          const pt = await countMessages(built.messages, countTokens);
          const out = await caller.run('reduce', built, pt, false, plan.callWindow);
          opts.onProgress?.({ phase: 'reduce', done: ++reduceDone, total: reduceTotal });
          return out;
        }),
      ),
    );
  }
}
