/**
 * Token counting for budgets (chunking, "does this prompt fit?").
 *
 * Preferred: the backend's own tokenizer endpoint (vLLM / llama.cpp `POST /tokenize`),
 * which is exact for the served model. Fallback: `estimateTokens`, a Korean-aware,
 * deliberately conservative estimate of EXAONE 3.5's tokenizer. See docs/TOKENS.md.
 *
 * Calibration of `estimateTokens` (EXAONE 3.5: byte-level BPE, 102,400 vocab, roughly
 * half Korean / half English merges):
 *  - Hangul syllables in KS X 1001's 2,350 common set: almost all are single vocab
 *    entries, and frequent words ("있습니다", "그리고") merge into fewer tokens than
 *    syllables. We charge 1.0 per syllable: never under, often over by 20–40 %.
 *  - The other 8,822 (rare) syllables are 3 UTF-8 bytes; BBPE falls back to byte pieces,
 *    typically 2–3 tokens. We charge 2.5.
 *  - Jamo / compatibility jamo (ㄱ, ㅏ …): 1.5. CJK ideographs (Hanja in statutes): 1.5
 *    (common ones are 1 token, rare ones 2–3 bytes pieces).
 *  - ASCII letters: a word run costs ceil(len / 4) (English BPE averages ~4 chars/token).
 *  - Digits: 1 per digit (number splitting in most modern BPE tokenizers, incl. EXAONE's
 *    Llama-style pre-tokenizer, keeps digits separate or in short groups).
 *  - Whitespace: a single space usually merges into the next word's token (charged
 *    0.25 for safety); longer runs of spaces/tabs become one token (min(1, 0.25·n));
 *    each newline costs 1.
 *  - Punctuation and symbols (ASCII or not): 1 each; other non-ASCII (emoji, rare
 *    scripts): one token per UTF-8 byte (BBPE worst case).
 *  - Everything is multiplied by SAFETY (1.05) and rounded up.
 * Every per-run cost is sub-additive (cost(a+b) <= cost(a)+cost(b)), so the sum of chunk
 * estimates bounds the estimate of their concatenation — chunking relies on that.
 */

import type { BackendInfo } from './backend';

export type CountTokens = (text: string) => Promise<number>;

export const TOKEN_COSTS = {
  hangulCommon: 1.0,
  hangulRare: 2.5,
  jamo: 1.5,
  cjk: 1.5,
  asciiCharsPerToken: 4,
  digit: 1,
  singleSpace: 0.25,
  whitespaceRun: 1,
  newline: 1,
  punct: 1,
  safety: 1.05,
} as const;

/** Per message, chat templates add role markers and separators (EXAONE: `[|system|]`, `[|endofturn|]` …). */
export const MESSAGE_OVERHEAD_TOKENS = 8;
/** Fixed overhead of a chat-formatted prompt (BOS, assistant turn opener). */
export const PROMPT_OVERHEAD_TOKENS = 8;

let commonHangul: Uint8Array | null = null;

/**
 * KS X 1001's 2,350 Hangul syllables (EUC-KR lead bytes 0xB0–0xC8, trail bytes 0xA1–0xFE),
 * as one flag per syllable U+AC00–U+D7A3 (a lookup without hashing).
 */
function commonHangulSet(): Uint8Array {
  if (commonHangul) return commonHangul;
  const set = new Uint8Array(0xd7a4 - 0xac00);
  try {
    const dec = new TextDecoder('euc-kr');
    for (let lead = 0xb0; lead <= 0xc8; lead++) {
      const bytes: number[] = [];
      for (let trail = 0xa1; trail <= 0xfe; trail++) bytes.push(lead, trail);
      const decoded = dec.decode(Uint8Array.from(bytes));
      for (let i = 0; i < decoded.length; i++) {
        const cp = decoded.charCodeAt(i);
        if (cp >= 0xac00 && cp <= 0xd7a3) set[cp - 0xac00] = 1;
      }
    }
  } catch {
    // No ICU EUC-KR decoder: leave the set empty, every syllable is charged as rare (safe).
  }
  commonHangul = set;
  return set;
}

const isAsciiLetter = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
const isDigit = (c: number) => c >= 48 && c <= 57;
const PUNCT_OR_SYMBOL = /^[\p{P}\p{S}]$/u;

function utf8Bytes(cp: number): number {
  return cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
}

/** Cost of one code point that is not an ASCII letter, space, tab or line break. */
function codePointCost(cp: number, common: Uint8Array): number {
  if (isDigit(cp)) return TOKEN_COSTS.digit;
  if (cp >= 0xac00 && cp <= 0xd7a3) return common[cp - 0xac00] ? TOKEN_COSTS.hangulCommon : TOKEN_COSTS.hangulRare;
  if ((cp >= 0x1100 && cp <= 0x11ff) || (cp >= 0x3130 && cp <= 0x318f)) return TOKEN_COSTS.jamo;
  if ((cp >= 0x4e00 && cp <= 0x9fff) || (cp >= 0xf900 && cp <= 0xfaff)) return TOKEN_COSTS.cjk;
  if (cp < 0x80) return TOKEN_COSTS.punct;
  if (PUNCT_OR_SYMBOL.test(String.fromCodePoint(cp))) return Math.min(TOKEN_COSTS.punct * 2, utf8Bytes(cp));
  return utf8Bytes(cp);
}

/**
 * Raw (unscaled) cost of a text: one pass over UTF-16 code units (code points read with
 * codePointAt, no per-character strings), so it is linear and allocation-free for Korean text.
 */
function rawCost(text: string): number {
  const common = commonHangulSet();
  let cost = 0;
  let letters = 0; // current ASCII letter run
  let spaces = 0; // current space/tab run
  for (let i = 0; i < text.length; i++) {
    const cp = text.codePointAt(i)!;
    if (cp > 0xffff) i++; // the low surrogate of this pair
    if (isAsciiLetter(cp)) {
      if (spaces) cost += Math.min(TOKEN_COSTS.whitespaceRun, spaces * TOKEN_COSTS.singleSpace);
      spaces = 0;
      letters++;
      continue;
    }
    if (letters) cost += Math.ceil(letters / TOKEN_COSTS.asciiCharsPerToken);
    letters = 0;
    if (cp === 32 || cp === 9) {
      spaces++;
      continue;
    }
    // min(…) keeps the cost sub-additive when a run is split between two chunks.
    if (spaces) cost += Math.min(TOKEN_COSTS.whitespaceRun, spaces * TOKEN_COSTS.singleSpace);
    spaces = 0;
    if (cp === 10) cost += TOKEN_COSTS.newline;
    else if (cp !== 13) cost += codePointCost(cp, common);
  }
  if (letters) cost += Math.ceil(letters / TOKEN_COSTS.asciiCharsPerToken);
  if (spaces) cost += Math.min(TOKEN_COSTS.whitespaceRun, spaces * TOKEN_COSTS.singleSpace);
  return cost;
}

/** Conservative, Korean-aware estimate of EXAONE 3.5 tokens for `text` (never length/4). */
export function estimateTokens(text: string): number {
  if (!text) return 0;
  return Math.ceil(rawCost(text) * TOKEN_COSTS.safety);
}

export interface TokenCounterOptions {
  apiKey?: string;
  timeoutMs?: number;
  /** After this many consecutive endpoint failures, stop trying and only estimate. */
  maxFailures?: number;
}

/**
 * A counter that asks the backend's tokenizer when it has one (vLLM, llama.cpp) and
 * otherwise estimates. Any endpoint failure falls back to the estimate for that call.
 */
export function createTokenCounter(info: BackendInfo, fetchImpl: typeof fetch = fetch, opts: TokenCounterOptions = {}): CountTokens {
  const url = info.tokenizeUrl;
  if (!url || (info.kind !== 'vllm' && info.kind !== 'llamacpp')) {
    return async (text) => estimateTokens(text);
  }
  const maxFailures = opts.maxFailures ?? 3;
  let failures = 0;
  return async (text: string) => {
    if (!text) return 0;
    if (failures >= maxFailures) return estimateTokens(text);
    const body =
      info.kind === 'vllm' ? { model: info.modelId, prompt: text, add_special_tokens: false } : { content: text, add_special: false };
    try {
      const res = await fetchImpl(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(opts.apiKey ? { authorization: `Bearer ${opts.apiKey}` } : {}),
        },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(opts.timeoutMs ?? 5000),
      });
      if (!res.ok) throw new Error(`tokenize HTTP ${res.status}`);
      const json = (await res.json()) as { count?: unknown; tokens?: unknown };
      const n = typeof json.count === 'number' ? json.count : Array.isArray(json.tokens) ? json.tokens.length : NaN;
      if (!Number.isFinite(n)) throw new Error('tokenize: no count');
      failures = 0;
      return n;
    } catch {
      failures++;
      return estimateTokens(text);
    }
  };
}
