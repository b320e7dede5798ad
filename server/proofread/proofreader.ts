/**
 * The one proofreader: `POST /api/proofread`, `npm run check` and `npm run eval:proofread`
 * all check with the model through `createProofreader` — the same model client (the relay's
 * pool, gate and JSON-schema dialect of the detected backend), the same token budgeting
 * (batches and max_tokens from the detected window, the rendered prompt counted with the
 * backend's tokenizer), the same prompt file and the same merge with the offline findings.
 */
import type { RelayContext } from '../context';
import type { Prompts } from '../generation/prompts';
import { countPromptTokens } from '../generation/map-reduce';
import { estimateTokens } from '../llm/tokens';
import type { CompleteFn } from '../llm/types';
import type { AsyncStore } from './cache';
import { freshModelSuggestions } from './merge';
import { coalesceSuggestions } from './coalesce';
import { runModelLayer, type ModelEdit, type ModelProgress, type Register, type UncheckedParagraphs } from './model-layer';
import { sortSuggestions } from './run-rules';
import type { Category, PackName, Paragraph, Suggestion } from './types';

export interface ProofreaderDeps {
  /** One non-streamed completion (the relay's client: `ctx.llm.chat`). */
  complete: CompleteFn;
  /**
   * The model's window (prompt + answer) as detected (null when unknown) and, for llama-server,
   * its parallel slots sharing that window as one KV cache (`total_slots`).
   */
  window(): Promise<{ contextWindow: number | null; totalSlots?: number }>;
  /** Tokens of a text by the backend's tokenizer where it has one (for rendered prompts). */
  countTokens(text: string): Promise<number>;
  prompts: Prompts;
  /** Model id, part of the cache key. */
  modelId: string;
  concurrency: number;
  cache?: AsyncStore<ModelEdit[]>;
  /** Window to assume when the backend does not tell. */
  fallbackContextWindow: number;
}

export interface ModelCheck {
  pack: PackName;
  register?: Register;
  /** Only model suggestions of these categories are kept (offline findings are filtered by the caller). */
  categories?: readonly Category[];
  /** Findings already delivered (rules, dictionary): model suggestions making the same change are dropped. */
  delivered: readonly Suggestion[];
  signal?: AbortSignal;
  /** The fresh model suggestions of a batch, as it completes. */
  onSuggestions?: (fresh: Suggestion[], progress: ModelProgress) => void | Promise<void>;
  onUnchecked?: (unchecked: UncheckedParagraphs) => void | Promise<void>;
}

export interface ModelCheckResult {
  /** `delivered` and the fresh model suggestions, in document order. */
  suggestions: Suggestion[];
  /** Model suggestions kept (not duplicating a delivered finding). */
  fresh: Suggestion[];
  /** Paragraphs the model did not check, with why. */
  unchecked: UncheckedParagraphs[];
  progress: ModelProgress;
}

export interface Proofreader {
  checkWithModel(paragraphs: readonly Paragraph[], check: ModelCheck): Promise<ModelCheckResult>;
}

/** Below this, a batch holds too few paragraphs: fewer calls in flight rather than smaller windows. */
const MIN_CALL_WINDOW = 4096;

/**
 * The window each batch may fill, and how many batches run at once. llama-server's slots share
 * one KV cache of `contextWindow` tokens, so batches in flight must fit it together (it answers
 * "Context size has been exceeded" otherwise): they are capped by the slots, and each gets
 * the window divided by the batches in flight.
 */
export function callWindow(contextWindow: number, concurrency: number, totalSlots?: number): { window: number; concurrency: number } {
  if (!totalSlots || totalSlots < 1) return { window: contextWindow, concurrency: Math.max(1, concurrency) };
  let parallel = Math.max(1, Math.min(concurrency, totalSlots));
  while (parallel > 1 && Math.floor(contextWindow / parallel) < MIN_CALL_WINDOW) parallel--;
  return { window: Math.floor(contextWindow / parallel), concurrency: parallel };
}

export function createProofreader(deps: ProofreaderDeps): Proofreader {
  return {
    async checkWithModel(paragraphs, check) {
      const paras = paragraphs.map((p) => ({ id: p.id, text: p.text.normalize('NFC') }));
      const textOf = new Map(paras.map((p) => [p.id, p.text]));
      const wanted = check.categories ? new Set<string>(check.categories) : undefined;
      const delivered = [...check.delivered];
      const fresh: Suggestion[] = [];
      const unchecked: UncheckedParagraphs[] = [];
      let last: ModelProgress = { done: 0, total: paras.length, batches: 0, fromCache: 0, unreadable: 0, unchecked: 0 };
      const { contextWindow, totalSlots } = await deps.window();
      const { window, concurrency } = callWindow(contextWindow ?? deps.fallbackContextWindow, deps.concurrency, totalSlots);
      await runModelLayer(paras, {
        complete: deps.complete,
        countTokens: estimateTokens,
        contextWindow: window,
        countPromptTokens: (messages) => countPromptTokens(messages, (t) => deps.countTokens(t)),
        concurrency,
        pack: check.pack,
        register: check.register,
        prompt: deps.prompts.files.proofread,
        modelId: deps.modelId,
        cache: deps.cache,
        signal: check.signal,
        onBatch: async (suggestions, progress) => {
          last = progress;
          // One card per fix, no duplicates (coalesce.ts), before comparing with what was delivered.
          const kept = freshModelSuggestions(delivered, coalesceSuggestions(suggestions, paras), (id) => textOf.get(id) ?? '', wanted);
          delivered.push(...kept);
          fresh.push(...kept);
          if (check.onSuggestions) await check.onSuggestions(kept, progress);
        },
        onUnchecked: async (u) => {
          unchecked.push(u);
          if (check.onUnchecked) await check.onUnchecked(u);
        },
      });
      return { suggestions: sortSuggestions([...check.delivered, ...fresh], paras), fresh, unchecked, progress: last };
    },
  };
}

/** What the relay's proofreader is made of: its model client, backend detection, tokenizer, prompt files and cache. */
export function proofreaderDeps(ctx: RelayContext, opts: { cache?: boolean } = {}): ProofreaderDeps {
  return {
    complete: (r) => ctx.llm.chat(r),
    window: async () => {
      const info = await ctx.backend();
      return { contextWindow: info.contextWindow, ...(info.totalSlots ? { totalSlots: info.totalSlots } : {}) };
    },
    countTokens: (t) => ctx.countTokens(t),
    prompts: ctx.prompts,
    modelId: ctx.config.LLM_MODEL,
    concurrency: ctx.config.LLM_CONCURRENCY,
    ...(opts.cache === false ? {} : { cache: ctx.proofCache }),
    fallbackContextWindow: ctx.config.LLM_CONTEXT_WINDOW,
  };
}

/** The relay's proofreader (POST /api/proofread). */
export function proofreaderFromContext(ctx: RelayContext, opts: { cache?: boolean } = {}): Proofreader {
  return createProofreader(proofreaderDeps(ctx, opts));
}
