/**
 * Model layer logic (pure: the HTTP call is the injected CompleteFn). Asks EXAONE for minimal
 * edits per paragraph as JSON, batches paragraphs within a token budget, runs batches with a
 * concurrency limit, parses robustly, re-requests truncated batches split in halves, locates
 * each edit in its paragraph and emits suggestions with source 'model'.
 */
import { withFailFast } from '../abort';
import type { ChatMessage, CompleteFn, JsonSchemaSpec } from '../llm/types';
import type { Category, PackName, Paragraph, Suggestion } from './types';
import { suggestionId } from './run-rules';
import { paragraphCacheKey, type AsyncStore } from './cache';
import { neutralise, restoreNeutralised } from '../generation/neutralise';

export interface ModelEdit {
  original: string;
  corrected: string;
  reason?: string;
}

export interface ModelParagraphResult {
  id: string;
  edits: ModelEdit[];
}

export const PROMPT_VERSION = 'mp1';

export const PROOFREAD_JSON_SCHEMA: JsonSchemaSpec = {
  name: 'proofread_edits',
  schema: {
    type: 'object',
    properties: {
      results: {
        type: 'array',
        items: {
          type: 'object',
          properties: {
            id: { type: 'string' },
            edits: {
              type: 'array',
              items: {
                type: 'object',
                properties: {
                  original: { type: 'string' },
                  corrected: { type: 'string' },
                  reason: { type: 'string' },
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

const PACK_HINT: Record<PackName, string> = {
  general: '일반 문서',
  official: '공문서 (행정업무의 운영 및 혁신에 관한 규정의 작성 원칙을 따름)',
  patent: '특허 명세서·청구범위',
  contract: '계약서',
};

/** The writer's chosen register: endings of the other one are worth pointing out. */
export type Register = 'hapsyo' | 'haera';
const REGISTER_HINT: Record<Register, string> = {
  hapsyo: '이 문서는 합쇼체(-습니다/-ㅂ니다)로 씁니다. 해라체(-다) 문장 끝이 섞여 있으면 합쇼체로 고치세요.',
  haera: '이 문서는 해라체(-다)로 씁니다. 합쇼체(-습니다) 문장 끝이 섞여 있으면 해라체로 고치세요.',
};

export function buildProofreadMessages(batch: readonly Paragraph[], pack: PackName = 'general', register?: Register): ChatMessage[] {
  const system =
    '당신은 한국어 교정 전문가입니다. 한글 맞춤법, 표준어 규정, 띄어쓰기, 문장 부호, 외래어 표기법에 맞게 ' +
    '틀린 부분만 최소한으로 고칩니다. 문체나 내용은 바꾸지 않습니다. ' +
    '각 문단에 대해 {"id": 문단 id, "edits": [{"original": 문단에 그대로 있는 틀린 부분(앞뒤 한두 어절 포함, 문단 안에서 유일하게), ' +
    '"corrected": 고친 표현, "reason": 짧은 이유}]} 를 내고, 틀린 곳이 없으면 edits를 빈 배열로 둡니다. ' +
    '출력은 {"results": [...]} 형식의 JSON 하나뿐입니다.';
  const user =
    `문서 종류: ${PACK_HINT[pack]}\n${register ? `${REGISTER_HINT[register]}\n` : ''}다음 문단들을 교정하세요.\n` +
    JSON.stringify({ paragraphs: batch.map((p) => ({ id: p.id, text: neutralise(p.text) })) });
  return [
    { role: 'system', content: system },
    { role: 'user', content: user },
  ];
}

/** Greedy batching: consecutive paragraphs while their token count fits the budget. */
export function batchParagraphs(
  paragraphs: readonly Paragraph[],
  tokenBudget: number,
  countTokens: (text: string) => number,
): Paragraph[][] {
  const batches: Paragraph[][] = [];
  let cur: Paragraph[] = [];
  let used = 0;
  for (const p of paragraphs) {
    const t = countTokens(p.text) + 8;
    if (cur.length && used + t > tokenBudget) {
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
    for (let end = text.length; end > first; ) {
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

export interface LocatedEdit {
  start: number;
  end: number;
  original: string;
  replacement: string;
}

/**
 * Finds `original` in the paragraph (exactly once, else null) and trims the prefix/suffix it
 * shares with `corrected`, giving the smallest span.
 */
export function locateEdit(text: string, original: string, corrected: string): LocatedEdit | null {
  if (!original || original === corrected) return null;
  const at = text.indexOf(original);
  if (at < 0 || text.indexOf(original, at + 1) >= 0) return null;
  let p = 0;
  const maxP = Math.min(original.length, corrected.length);
  while (p < maxP && original.charCodeAt(p) === corrected.charCodeAt(p)) p++;
  let s = 0;
  while (
    s < original.length - p &&
    s < corrected.length - p &&
    original.charCodeAt(original.length - 1 - s) === corrected.charCodeAt(corrected.length - 1 - s)
  )
    s++;
  // do not split a surrogate pair, at either end of the span
  const low = (i: number) => /[\uDC00-\uDFFF]/.test(original[i] ?? '');
  while (p > 0 && low(p)) p--;
  while (s > 0 && low(original.length - s)) s--;
  const start = at + p;
  const end = at + original.length - s;
  return { start, end, original: text.slice(start, end), replacement: corrected.slice(p, corrected.length - s) };
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
      messageEn: reason ? `Model suggestion: ${e.original} → ${e.corrected} (${reason})` : `Model suggestion: ${e.original} → ${e.corrected}`,
      ruleId: 'model',
      source: 'model',
      confidence,
    });
  }
  return out.sort((a, b) => a.start - b.start || a.end - b.end);
}

export interface ModelProgress {
  /** Paragraphs finished (cached or checked). */
  done: number;
  total: number;
  batches: number;
  fromCache: number;
  /** Batches whose answer could not be read even after one retry (their paragraphs got no model check). */
  unreadable: number;
}

export interface ModelLayerOptions {
  complete: CompleteFn;
  countTokens: (text: string) => number;
  /** Input-token budget per batch (paragraph text only). Default 1500. */
  tokenBudget?: number;
  /** Concurrent requests. Default 2. */
  concurrency?: number;
  pack?: PackName;
  /** 합쇼체 or 해라체: mixed endings are corrected towards it. */
  register?: Register;
  /** Used in the cache key. */
  modelId?: string;
  cache?: AsyncStore<ModelEdit[]>;
  cacheTtlSec?: number;
  signal?: AbortSignal;
  temperature?: number;
  /** maxTokens for a batch: default 4 × its input tokens + 256. */
  maxTokensFor?: (inputTokens: number) => number;
  onBatch?: (suggestions: Suggestion[], progress: ModelProgress) => void | Promise<void>;
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

async function runModelLayerWith(paragraphs: readonly Paragraph[], opts: ModelLayerOptions): Promise<Suggestion[]> {
  const pack = opts.pack ?? 'general';
  const modelId = opts.modelId ?? 'model';
  const ttl = opts.cacheTtlSec ?? 7 * 24 * 3600;
  const budget = opts.tokenBudget ?? 1500;
  const signal = opts.signal;
  const paras = paragraphs.map((p) => ({ id: p.id, text: p.text.normalize('NFC') }));
  const progress: ModelProgress = { done: 0, total: paras.length, batches: 0, fromCache: 0, unreadable: 0 };
  const all: Suggestion[] = [];
  const register = opts.register;
  const keyOf = (p: Paragraph) => paragraphCacheKey(p.text, register ? { pack, register } : { pack }, modelId, PROMPT_VERSION);

  const emit = async (sugs: Suggestion[], nDone: number) => {
    progress.done += nDone;
    all.push(...sugs);
    if (opts.onBatch) await opts.onBatch(sugs, { ...progress });
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

  // 2. batches
  const batches = batchParagraphs(todo, budget, opts.countTokens);
  const runBatch = async (batch: Paragraph[], attempt = 1): Promise<void> => {
    if (signal?.aborted) throw abortError(signal);
    const inTok = batch.reduce((n, p) => n + opts.countTokens(p.text), 0);
    const res = await opts.complete({
      messages: buildProofreadMessages(batch, pack, register),
      temperature: opts.temperature ?? 0,
      maxTokens: opts.maxTokensFor ? opts.maxTokensFor(inTok) : inTok * 4 + 256,
      jsonSchema: PROOFREAD_JSON_SCHEMA,
      ...(signal ? { signal } : {}),
    });
    progress.batches++;
    if (res.finishReason === 'length' && batch.length > 1) {
      const mid = Math.ceil(batch.length / 2);
      await runBatch(batch.slice(0, mid));
      await runBatch(batch.slice(mid));
      return;
    }
    const truncated = res.finishReason === 'length';
    const parsed = parseModelOutput(res.content);
    if (parsed.length === 0 && !truncated && /\S/.test(res.content)) {
      // Nothing readable (not JSON at all): asking again is safe, once.
      if (attempt === 1) return runBatch(batch, 2);
      progress.unreadable++;
    }
    const byId = new Map(parsed.map((r) => [r.id, r.edits]));
    const sugs: Suggestion[] = [];
    for (const p of batch) {
      const edits = byId.get(p.id) ?? (batch.length === 1 && parsed.length === 1 ? parsed[0]!.edits : undefined);
      if (edits === undefined) continue;
      sugs.push(...editsToSuggestions(p, edits, opts.confidence));
      // a truncated single paragraph's salvage is partial: do not cache it
      if (opts.cache && !truncated) await opts.cache.set(keyOf(p), edits, ttl);
    }
    await emit(sugs, batch.length);
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
  return all.sort((a, b) => (order.get(a.paragraphId)! - order.get(b.paragraphId)!) || a.start - b.start || a.end - b.end);
}

/** Rough token count for Korean text when no tokenizer is available (≈ 1 token per Hangul syllable). */
export function approxTokens(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) n += text.charCodeAt(i) >= 0x1100 ? 1 : 0.3;
  return Math.ceil(n);
}
