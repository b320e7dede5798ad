/**
 * Model layer logic (pure: the HTTP call is the injected CompleteFn). Asks EXAONE for minimal
 * edits per paragraph as JSON, batches paragraphs within a token budget, runs batches with a
 * concurrency limit, parses robustly, re-requests truncated batches split in halves, locates
 * each edit in its paragraph and emits suggestions with source 'model'.
 */
import { narrowEdit, type TextEdit } from '../../kernel/edits/narrow';
import { withFailFast } from '../abort';
import type { ChatMessage, CompleteFn, JsonSchemaSpec } from '../llm/types';
import type { Category, PackName, Paragraph, Suggestion } from './types';
import { suggestionId } from './run-rules';
import { paragraphCacheKey, type AsyncStore } from './cache';
import { neutralise, restoreNeutralised } from '../generation/neutralise';
import { frag, loadPrompts, render, type PromptFile } from '../generation/prompts';

export interface ModelEdit {
  original: string;
  corrected: string;
  reason?: string;
}

export interface ModelParagraphResult {
  id: string;
  edits: ModelEdit[];
}

/** Bounds of the answer (the constrained decoder cannot run away; see batchParagraphs). */
export const MAX_BATCH_PARAGRAPHS = 48;
export const MAX_EDITS_PER_PARAGRAPH = 24;
export const MAX_EDIT_CHARS = 400;
export const MAX_REASON_CHARS = 200;
export const MAX_ID_CHARS = 200;

export const PROOFREAD_JSON_SCHEMA: JsonSchemaSpec = {
  name: 'proofread_edits',
  schema: {
    type: 'object',
    properties: {
      results: {
        type: 'array',
        maxItems: MAX_BATCH_PARAGRAPHS,
        items: {
          type: 'object',
          properties: {
            id: { type: 'string', maxLength: MAX_ID_CHARS },
            edits: {
              type: 'array',
              maxItems: MAX_EDITS_PER_PARAGRAPH,
              items: {
                type: 'object',
                properties: {
                  original: { type: 'string', maxLength: MAX_EDIT_CHARS },
                  corrected: { type: 'string', maxLength: MAX_EDIT_CHARS },
                  reason: { type: 'string', maxLength: MAX_REASON_CHARS },
                },
                required: ['original', 'corrected', 'reason'],
                additionalProperties: false,
              },
            },
          },
          required: ['id', 'edits'],
          additionalProperties: false,
        },
      },
    },
    required: ['results'],
    additionalProperties: false,
  },
};

/** The writer's chosen register: endings of the other one are worth pointing out. */
export type Register = 'hapsyo' | 'haera';

let builtinPrompt: PromptFile | null = null;
/** The built-in proofreading prompt (server/prompts/proofread.json); PROMPTS_DIR overrides come through `prompt`. */
export function defaultProofreadPrompt(): PromptFile {
  builtinPrompt ??= loadPrompts().files.proofread;
  return builtinPrompt;
}

/** The paragraphs as the model sees them: JSON, ids and texts neutralised (texts keep their length and offsets). */
export function paragraphsPayload(batch: readonly Paragraph[]): string {
  return JSON.stringify({ paragraphs: batch.map((p) => ({ id: neutralise(p.id), text: neutralise(p.text) })) });
}

export function buildProofreadMessages(
  batch: readonly Paragraph[],
  pack: PackName = 'general',
  register?: Register,
  prompt: PromptFile = defaultProofreadPrompt(),
): ChatMessage[] {
  const user = render(prompt.user, {
    pack: frag(prompt, 'pack', pack),
    register: frag(prompt, 'register', register ?? 'none'),
    paragraphs: paragraphsPayload(batch),
  });
  return [
    { role: 'system', content: prompt.system },
    { role: 'user', content: user },
  ];
}

/** Tokens of a paragraph's JSON wrapping (`{"id":"…","text":"…"},`). */
const PARAGRAPH_JSON_TOKENS = 8;

/** Greedy batching: consecutive paragraphs while their token count fits the budget (at most MAX_BATCH_PARAGRAPHS). */
export function batchParagraphs(
  paragraphs: readonly Paragraph[],
  tokenBudget: number,
  countTokens: (text: string) => number,
): Paragraph[][] {
  const batches: Paragraph[][] = [];
  let cur: Paragraph[] = [];
  let used = 0;
  for (const p of paragraphs) {
    const t = countTokens(p.text) + PARAGRAPH_JSON_TOKENS;
    if (cur.length && (used + t > tokenBudget || cur.length >= MAX_BATCH_PARAGRAPHS)) {
      batches.push(cur);
      cur = [];
      used = 0;
    }
    cur.push(p);
    used += t;
  }
  if (cur.length) batches.push(cur);
  return batches;
}

/** Scans balanced {...} objects in text (string-aware); returns their source strings. */
function scanObjects(text: string, from = 0): string[] {
  const out: string[] = [];
  const stack: number[] = [];
  let inStr = false;
  let esc = false;
  for (let i = from; i < text.length; i++) {
    const c = text[i];
    if (inStr) {
      if (esc) esc = false;
      else if (c === '\\') esc = true;
      else if (c === '"') inStr = false;
      continue;
    }
    if (c === '"') inStr = true;
    else if (c === '{') stack.push(i);
    else if (c === '}') {
      const s = stack.pop();
      if (s !== undefined) out.push(text.slice(s, i + 1));
    }
  }
  return out;
}

function asEdit(x: unknown): ModelEdit | null {
  if (!x || typeof x !== 'object') return null;
  const o = x as Record<string, unknown>;
  if (typeof o.original !== 'string' || typeof o.corrected !== 'string') return null;
  return { original: o.original, corrected: o.corrected, ...(typeof o.reason === 'string' ? { reason: o.reason } : {}) };
}

function asResult(x: unknown): ModelParagraphResult | null {
  if (!x || typeof x !== 'object') return null;
  const o = x as Record<string, unknown>;
  if ((typeof o.id !== 'string' && typeof o.id !== 'number') || !Array.isArray(o.edits)) return null;
  return { id: String(o.id), edits: o.edits.map(asEdit).filter((e): e is ModelEdit => e !== null) };
}

/**
 * Parses model output robustly: code fences, leading/trailing prose, `{"results": [...]}`, a bare
 * array or a single object; when the JSON is truncated, salvages the complete paragraph objects
 * and drops the rest. Never throws.
 */
export function parseModelOutput(content: string): ModelParagraphResult[] {
  let text = content.trim();
  const fence = /```(?:json)?\s*([\s\S]*?)(?:```|$)/i.exec(text);
  if (fence) text = fence[1]!.trim();
  const tryParse = (s: string): unknown => {
    try {
      return JSON.parse(s);
    } catch {
      return undefined;
    }
  };
  const fromValue = (v: unknown): ModelParagraphResult[] | null => {
    if (Array.isArray(v)) return v.map(asResult).filter((r): r is ModelParagraphResult => r !== null);
    if (v && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      if (Array.isArray(o.results)) return fromValue(o.results);
      const r = asResult(v);
      return r ? [r] : [];
    }
    return null;
  };
  const whole = fromValue(tryParse(text));
  if (whole) return whole;
  // trailing prose: cut at the last closing bracket that gives valid JSON
  const first = text.search(/[[{]/);
  if (first >= 0) {
    for (let end = text.length; end > first;) {
      const j = Math.max(text.lastIndexOf('}', end - 1), text.lastIndexOf(']', end - 1));
      if (j <= first) break;
      const v = fromValue(tryParse(text.slice(first, j + 1)));
      if (v && v.length) return v;
      end = j;
      if (text.length - j > 4000) break;
    }
  }
  // salvage: complete objects having id + edits
  const seen = new Set<string>();
  const out: ModelParagraphResult[] = [];
  for (const s of scanObjects(text)) {
    const r = asResult(tryParse(s));
    if (r && !seen.has(r.id)) {
      seen.add(r.id);
      out.push(r);
    }
  }
  return out;
}

/** The answer is JSON (possibly fenced), even if it holds no paragraph result. */
function isJson(content: string): boolean {
  const fence = /```(?:json)?\s*([\s\S]*?)(?:```|$)/i.exec(content);
  try {
    JSON.parse(fence ? fence[1]! : content);
    return true;
  } catch {
    return false;
  }
}

/** An edit located in a paragraph and narrowed to its smallest span. */
export type LocatedEdit = TextEdit;

/**
 * Finds `original` in the paragraph (exactly once, else null) and narrows it to the smallest
 * span that changes (kernel/edits/narrow.ts).
 */
export function locateEdit(text: string, original: string, corrected: string): LocatedEdit | null {
  if (!original || original === corrected) return null;
  const at = text.indexOf(original);
  if (at < 0 || text.indexOf(original, at + 1) >= 0) return null;
  return narrowEdit(at, original, corrected);
}

const PUNCT_RE = /[\s.,!?;:·…'"‘’“”()[\]{}<>「」『』《》〈〉~\-–—/]/g;

export function guessCategory(original: string, corrected: string, reason = ''): Category {
  if (original.replace(/\s+/g, '') === corrected.replace(/\s+/g, '')) return 'spacing';
  if (original.replace(PUNCT_RE, '') === corrected.replace(PUNCT_RE, '')) return 'punctuation';
  if (/[0-9]/.test(original + corrected) && original.replace(/[0-9,.]/g, '') === corrected.replace(/[0-9,.]/g, '')) return 'numbers';
  if (/조사|어미|문법|호응|시제|높임|grammar/i.test(reason)) return 'grammar';
  return 'spelling';
}

export function editsToSuggestions(paragraph: Paragraph, edits: readonly ModelEdit[], confidence = 0.7): Suggestion[] {
  const out: Suggestion[] = [];
  const seen = new Set<string>();
  // The model saw the neutralised paragraph (same length, same offsets): its `original` is
  // looked up there first, then in the text as written; the span is the user's own text.
  const shown = neutralise(paragraph.text);
  const defused = shown !== paragraph.text;
  for (const e of edits) {
    const found =
      locateEdit(shown, e.original, e.corrected) ??
      (defused ? locateEdit(paragraph.text, restoreNeutralised(e.original), restoreNeutralised(e.corrected)) : null);
    if (!found) continue;
    const loc = {
      ...found,
      original: paragraph.text.slice(found.start, found.end),
      replacement: defused ? restoreNeutralised(found.replacement) : found.replacement,
    };
    if (loc.original === loc.replacement) continue;
    const id = suggestionId(paragraph.id, loc.start, loc.end, loc.replacement, 'model');
    if (seen.has(id)) continue;
    seen.add(id);
    const reason = (e.reason ?? '').trim();
    out.push({
      id,
      paragraphId: paragraph.id,
      start: loc.start,
      end: loc.end,
      original: loc.original,
      replacement: loc.replacement,
      category: guessCategory(e.original, e.corrected, reason),
      message: reason || `'${e.original}' → '${e.corrected}'`,
      messageEn: reason
        ? `Model suggestion: ${e.original} → ${e.corrected} (${reason})`
        : `Model suggestion: ${e.original} → ${e.corrected}`,
      ruleId: 'model',
      source: 'model',
      confidence,
    });
  }
  return out.sort((a, b) => a.start - b.start || a.end - b.end);
}

export interface ModelProgress {
  /** Paragraphs finished (cached, checked, or given up on: see `unchecked`). */
  done: number;
  total: number;
  batches: number;
  fromCache: number;
  /** Batches whose answer could not be read even after one retry (their paragraphs got no model check). */
  unreadable: number;
  /** Paragraphs the model did not check (never counted as clean). */
  unchecked: number;
}

/**
 * Why a paragraph got no model check: the model left its id out of the answer twice
 * (`missing`), its answer was not JSON twice (`unreadable`), the answer was cut off
 * (`truncated`), or the paragraph cannot fit the model's window with room for an answer
 * (`too-long`).
 */
export type UncheckedReason = 'missing' | 'unreadable' | 'truncated' | 'too-long';

export interface UncheckedParagraphs {
  paragraphIds: string[];
  reason: UncheckedReason;
}

export interface ModelLayerOptions {
  complete: CompleteFn;
  /** Tokens of a paragraph's text, for batching (a fast estimate is fine: the rendered prompt is counted with `countPromptTokens`). */
  countTokens: (text: string) => number;
  /**
   * The model's window (prompt + answer) in tokens. When given, batches are sized from it
   * and every request's max_tokens keeps prompt + max_tokens within it (vLLM answers 400
   * otherwise; llama.cpp and Ollama truncate).
   */
  contextWindow?: number;
  /** Tokens of a rendered prompt; default: countTokens over the messages plus per-message overhead. */
  countPromptTokens?: (messages: ChatMessage[]) => number | Promise<number>;
  /** Input-token cap per batch (paragraph text only). Default: the prompt file's maxTokens.batch (1500). */
  tokenBudget?: number;
  /** Concurrent requests. Default 2. */
  concurrency?: number;
  pack?: PackName;
  /** 합쇼체 or 해라체: mixed endings are corrected towards it. */
  register?: Register;
  /** The proofreading prompt (PROMPTS_DIR override); default: built in. */
  prompt?: PromptFile;
  /** Used in the cache key. */
  modelId?: string;
  cache?: AsyncStore<ModelEdit[]>;
  cacheTtlSec?: number;
  signal?: AbortSignal;
  temperature?: number;
  /** maxTokens for a batch: default factor × its input tokens + base (prompt file), capped by the window. */
  maxTokensFor?: (inputTokens: number) => number;
  onBatch?: (suggestions: Suggestion[], progress: ModelProgress) => void | Promise<void>;
  /** Paragraphs the model did not check, as soon as that is known. */
  onUnchecked?: (unchecked: UncheckedParagraphs) => void | Promise<void>;
  confidence?: number;
}

function abortError(signal: AbortSignal): Error {
  const r = signal.reason;
  if (r instanceof Error) return r;
  const e = new Error('aborted');
  e.name = 'AbortError';
  return e;
}

/** Runs the model layer over paragraphs; returns all suggestions ordered by paragraph then position. */
export function runModelLayer(paragraphs: readonly Paragraph[], opts: ModelLayerOptions): Promise<Suggestion[]> {
  // A failed batch stops the other batches (see withFailFast).
  return withFailFast(opts.signal, (signal) => runModelLayerWith(paragraphs, { ...opts, signal }));
}

/** Per-message overhead of a chat template (role markers, separators), when counting without the server. */
const MESSAGE_TOKENS = 8;
/** Smallest answer worth asking for: below it a batch is split (or its one paragraph reported `too-long`). */
const MIN_ANSWER_TOKENS = 64;

async function runModelLayerWith(paragraphs: readonly Paragraph[], opts: ModelLayerOptions): Promise<Suggestion[]> {
  const pack = opts.pack ?? 'general';
  const modelId = opts.modelId ?? 'model';
  const prompt = opts.prompt ?? defaultProofreadPrompt();
  const ttl = opts.cacheTtlSec ?? 7 * 24 * 3600;
  const signal = opts.signal;
  const register = opts.register;
  const window = opts.contextWindow;
  const margin = window ? Math.max(16, Math.ceil(window * 0.02)) : 0;
  const factor = prompt.maxTokens.factor ?? 4;
  const base = prompt.maxTokens.base ?? 256;
  const maxTokensFor = opts.maxTokensFor ?? ((inTok: number) => Math.ceil(inTok * factor + base));
  const countPrompt =
    opts.countPromptTokens ?? ((ms: ChatMessage[]) => ms.reduce((n, m) => n + opts.countTokens(m.content) + MESSAGE_TOKENS, 0));
  const paras = paragraphs.map((p) => ({ id: p.id, text: p.text.normalize('NFC') }));
  const progress: ModelProgress = { done: 0, total: paras.length, batches: 0, fromCache: 0, unreadable: 0, unchecked: 0 };
  const all: Suggestion[] = [];
  const keyOf = (p: Paragraph) => paragraphCacheKey(p.text, register ? { pack, register } : { pack }, modelId, `mp-${prompt.version}`);
  const messagesFor = (batch: readonly Paragraph[]) => buildProofreadMessages(batch, pack, register, prompt);

  const emit = async (sugs: Suggestion[], nDone: number) => {
    progress.done += nDone;
    all.push(...sugs);
    if (opts.onBatch) await opts.onBatch(sugs, { ...progress });
  };
  const giveUp = async (batch: readonly Paragraph[], reason: UncheckedReason) => {
    if (!batch.length) return;
    progress.unchecked += batch.length;
    if (opts.onUnchecked) await opts.onUnchecked({ paragraphIds: batch.map((p) => p.id), reason });
    await emit([], batch.length);
  };

  // 1. cache and trivially empty paragraphs
  const todo: Paragraph[] = [];
  const cachedSugs: Suggestion[] = [];
  let cachedN = 0;
  for (const p of paras) {
    if (!/[^\s]/.test(p.text)) {
      cachedN++;
      continue;
    }
    const hit = opts.cache ? await opts.cache.get(keyOf(p)) : undefined;
    if (hit) {
      cachedSugs.push(...editsToSuggestions(p, hit, opts.confidence));
      cachedN++;
      progress.fromCache++;
    } else todo.push(p);
  }
  if (cachedN) await emit(cachedSugs, cachedN);

  // 2. batches: input budget from the window (prompt + paragraphs + answer must fit), capped by the prompt file
  let budget = opts.tokenBudget ?? prompt.maxTokens.batch ?? 1500;
  if (window) {
    const fixed = await countPrompt(messagesFor([]));
    // fixed + Σ(in) + (factor × Σ(in) + base) + margin ≤ window
    budget = Math.min(budget, Math.floor((window - fixed - base - margin) / (1 + factor)));
    budget = Math.max(budget, 1);
  }
  const batches = batchParagraphs(todo, budget, opts.countTokens);

  const runBatch = async (batch: Paragraph[], attempt = 1): Promise<void> => {
    if (signal?.aborted) throw abortError(signal);
    const inTok = batch.reduce((n, p) => n + opts.countTokens(p.text), 0);
    const messages = messagesFor(batch);
    let maxTokens = maxTokensFor(inTok);
    if (window) {
      const room = window - (await countPrompt(messages)) - margin;
      if (room < Math.min(maxTokens, MIN_ANSWER_TOKENS)) {
        if (batch.length > 1) return splitInHalves(batch, attempt);
        return giveUp(batch, 'too-long');
      }
      maxTokens = Math.min(maxTokens, room);
    }
    const res = await opts.complete({
      messages,
      temperature: opts.temperature ?? prompt.temperature,
      maxTokens,
      jsonSchema: PROOFREAD_JSON_SCHEMA,
      ...(signal ? { signal } : {}),
    });
    progress.batches++;
    const truncated = res.finishReason === 'length';
    if (truncated && batch.length > 1) return splitInHalves(batch, attempt);
    const parsed = parseModelOutput(res.content);
    const unreadable = parsed.length === 0 && !truncated && /\S/.test(res.content) && !isJson(res.content);
    const byId = new Map(parsed.map((r) => [r.id, r.edits]));
    const sugs: Suggestion[] = [];
    const missing: Paragraph[] = [];
    let checked = 0;
    for (const p of batch) {
      // the model answers with the id it was shown (neutralised)
      const edits =
        byId.get(neutralise(p.id)) ?? byId.get(p.id) ?? (batch.length === 1 && parsed.length === 1 ? parsed[0]!.edits : undefined);
      if (edits === undefined) {
        missing.push(p);
        continue;
      }
      checked++;
      sugs.push(...editsToSuggestions(p, edits, opts.confidence));
      // a truncated single paragraph's salvage is partial: do not cache it
      if (opts.cache && !truncated) await opts.cache.set(keyOf(p), edits, ttl);
    }
    if (checked) await emit(sugs, checked);
    if (!missing.length) return;
    // A cut-off single paragraph would be cut off again: reported at once. Otherwise the
    // paragraphs the model left out (or a batch it answered with no JSON) are asked once more.
    if (truncated) return giveUp(missing, 'truncated');
    if (attempt === 1) return runBatch(missing, 2);
    if (unreadable) progress.unreadable++;
    return giveUp(missing, unreadable ? 'unreadable' : 'missing');
  };
  const splitInHalves = async (batch: Paragraph[], attempt: number): Promise<void> => {
    const mid = Math.ceil(batch.length / 2);
    await runBatch(batch.slice(0, mid), attempt);
    await runBatch(batch.slice(mid), attempt);
  };

  const limit = Math.max(1, opts.concurrency ?? 2);
  let next = 0;
  const workers = Array.from({ length: Math.min(limit, batches.length) }, async () => {
    while (next < batches.length) {
      const b = batches[next++]!;
      await runBatch(b);
    }
  });
  await Promise.all(workers);

  const order = new Map(paras.map((p, i) => [p.id, i]));
  return all.sort((a, b) => order.get(a.paragraphId)! - order.get(b.paragraphId)! || a.start - b.start || a.end - b.end);
}

/** Rough token count for Korean text when no tokenizer is available (≈ 1 token per Hangul syllable). */
export function approxTokens(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) n += text.charCodeAt(i) >= 0x1100 ? 1 : 0.3;
  return Math.ceil(n);
}
