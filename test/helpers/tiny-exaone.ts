/**
 * A tiny EXAONE-architecture model for llama.cpp, written in milliseconds: random small
 * weights, EXAONE 3.5's chat template and special tokens, and a vocabulary in which every
 * token is valid UTF-8 on its own, so free text streams without broken bytes.
 *
 * What it is for: the plumbing between the relay and a real llama-server (template
 * rendering, special-token parsing, tokenizer counts, slots, streaming, grammars, errors).
 * What it is not: a language model. Its words are noise; quality needs EXAONE itself.
 *
 * Vocabulary (SentencePiece-style "llama" tokenizer in llama.cpp, chosen because its
 * tokens are plain UTF-8 strings and need no merge table):
 *  - control tokens: [PAD] [BOS] [|system|] [|user|] [|assistant|] [|endofturn|]
 *    (EXAONE 3.5's tokenizer_config marks them special; eos = [|endofturn|]);
 *  - [UNK]; byte-fallback tokens <0x00>..<0xFF> (type BYTE) so that any input tokenises;
 *  - the 11,172 Hangul syllables, printable ASCII, `▁` (space), newline, tab and common
 *    Korean punctuation, each a token of its own.
 * The output layer makes the byte-fallback tokens, [UNK] and every control token except
 * [|endofturn|] unreachable (a large negative logit through a constant residual direction),
 * so the model never emits a broken UTF-8 byte or a forged role marker.
 */
import { writeGguf, type GgufTensor, type GgufValue } from './gguf';

/** EXAONE 3.5 Instruct's chat template (tokenizer_config.json of LGAI-EXAONE/EXAONE-3.5-7.8B-Instruct). */
export const EXAONE_35_CHAT_TEMPLATE =
  "{% for message in messages %}{% if loop.first and message['role'] != 'system' %}{{ '[|system|][|endofturn|]\\n' }}{% endif %}" +
  "{{ '[|' + message['role'] + '|]' + message['content'] }}{% if message['role'] == 'user' %}{{ '\\n' }}{% else %}{{ '[|endofturn|]\\n' }}{% endif %}" +
  "{% endfor %}{% if add_generation_prompt %}{{ '[|assistant|]' }}{% endif %}";

export const EXAONE_SPECIAL_TOKENS = ['[|system|]', '[|user|]', '[|assistant|]', '[|endofturn|]'] as const;

// llama_token_type (llama.h)
const TOKEN_NORMAL = 1;
const TOKEN_UNKNOWN = 2;
const TOKEN_CONTROL = 3;
const TOKEN_BYTE = 6;

export interface TinyModelOptions {
  /** PRNG seed (same seed, same bytes). */
  seed?: number;
  /** Trained context length written to the file (llama-server's -c may be smaller). */
  contextLength?: number;
  /**
   * Logit bonus for some token texts, baked into the output layer. With a JSON grammar and
   * greedy sampling, favouring `"`, `{`, `]`, `}` makes the noise model close every string
   * and array at once, so grammar-constrained output is short and always complete.
   */
  favour?: Record<string, number>;
}

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const KOREAN_PUNCT = '·‘’“”…「」『』〈〉《》【】※○●□■△▲▽▼◇◆☆★→←↑↓～、。①②③④⑤⑥⑦⑧⑨⑩';

/** Token texts, types and scores of the tiny vocabulary. */
export function tinyVocabulary(): { tokens: string[]; types: number[]; scores: number[] } {
  const tokens: string[] = [];
  const types: number[] = [];
  const add = (t: string, type: number) => {
    tokens.push(t);
    types.push(type);
  };
  add('[PAD]', TOKEN_CONTROL);
  add('[BOS]', TOKEN_CONTROL);
  add('[UNK]', TOKEN_UNKNOWN);
  for (const t of EXAONE_SPECIAL_TOKENS) add(t, TOKEN_CONTROL);
  for (let b = 0; b < 256; b++) add(`<0x${b.toString(16).toUpperCase().padStart(2, '0')}>`, TOKEN_BYTE);
  add('▁', TOKEN_NORMAL); // SentencePiece's space
  add('\n', TOKEN_NORMAL);
  add('\t', TOKEN_NORMAL);
  for (let c = 0x21; c < 0x7f; c++) add(String.fromCharCode(c), TOKEN_NORMAL);
  for (const ch of KOREAN_PUNCT) add(ch, TOKEN_NORMAL);
  for (let c = 0xac00; c <= 0xd7a3; c++) add(String.fromCharCode(c), TOKEN_NORMAL);
  // Equal scores: every text is a sequence of single-character tokens.
  const scores = tokens.map(() => 0);
  return { tokens, types, scores };
}

const N_EMBD = 64;
const N_HEAD = 4;
const N_LAYER = 2;
const N_FF = 128;

/** The GGUF bytes of the tiny EXAONE model. */
export function tinyExaoneGguf(opts: TinyModelOptions = {}): Buffer {
  const rand = mulberry32(opts.seed ?? 11);
  const gauss = () => {
    const u = Math.max(rand(), 1e-12);
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rand());
  };
  const filled = (n: number, sigma: number) => {
    const a = new Float32Array(n);
    for (let i = 0; i < n; i++) a[i] = gauss() * sigma;
    return a;
  };
  const ones = (n: number) => new Float32Array(n).fill(1);
  const { tokens, types, scores } = tinyVocabulary();
  const nVocab = tokens.length;
  const eos = tokens.indexOf('[|endofturn|]');

  // Dimension 0 of the residual stream is a large constant (every embedding has 4 there,
  // the layers add little), so after RMS norm h[0] is about +5.7 at every position; an
  // output row with -50 in dimension 0 then has a logit near -285: never sampled.
  const tokEmbd = filled(N_EMBD * nVocab, 0.5);
  for (let t = 0; t < nVocab; t++) tokEmbd[t * N_EMBD] = 4;
  const output = filled(N_EMBD * nVocab, 0.5);
  const H0 = 5.7;
  for (let t = 0; t < nVocab; t++) {
    const reachable = types[t] === TOKEN_NORMAL || t === eos;
    output[t * N_EMBD] = reachable ? 0 : -50;
  }
  for (const [text, bonus] of Object.entries(opts.favour ?? {})) {
    const t = tokens.indexOf(text === ' ' ? '▁' : text);
    if (t < 0) throw new Error(`favour: ${JSON.stringify(text)} is not a token`);
    output[t * N_EMBD] = bonus / H0;
  }

  const tensors: GgufTensor[] = [
    { name: 'token_embd.weight', dims: [N_EMBD, nVocab], data: tokEmbd },
    { name: 'output_norm.weight', dims: [N_EMBD], data: ones(N_EMBD) },
    { name: 'output.weight', dims: [N_EMBD, nVocab], data: output },
  ];
  for (let i = 0; i < N_LAYER; i++) {
    tensors.push(
      { name: `blk.${i}.attn_norm.weight`, dims: [N_EMBD], data: ones(N_EMBD) },
      { name: `blk.${i}.attn_q.weight`, dims: [N_EMBD, N_EMBD], data: filled(N_EMBD * N_EMBD, 0.1) },
      { name: `blk.${i}.attn_k.weight`, dims: [N_EMBD, N_EMBD], data: filled(N_EMBD * N_EMBD, 0.1) },
      { name: `blk.${i}.attn_v.weight`, dims: [N_EMBD, N_EMBD], data: filled(N_EMBD * N_EMBD, 0.1) },
      { name: `blk.${i}.attn_output.weight`, dims: [N_EMBD, N_EMBD], data: filled(N_EMBD * N_EMBD, 0.02) },
      { name: `blk.${i}.ffn_norm.weight`, dims: [N_EMBD], data: ones(N_EMBD) },
      { name: `blk.${i}.ffn_gate.weight`, dims: [N_EMBD, N_FF], data: filled(N_EMBD * N_FF, 0.1) },
      { name: `blk.${i}.ffn_up.weight`, dims: [N_EMBD, N_FF], data: filled(N_EMBD * N_FF, 0.1) },
      { name: `blk.${i}.ffn_down.weight`, dims: [N_FF, N_EMBD], data: filled(N_FF * N_EMBD, 0.02) },
    );
  }

  const arch = 'exaone';
  const meta: Record<string, GgufValue> = {
    'general.architecture': { type: 'string', value: arch },
    'general.name': { type: 'string', value: 'sseugi-tiny-exaone (random weights, tests only)' },
    'general.alignment': { type: 'u32', value: 32 },
    [`${arch}.context_length`]: { type: 'u32', value: opts.contextLength ?? 32768 },
    [`${arch}.embedding_length`]: { type: 'u32', value: N_EMBD },
    [`${arch}.block_count`]: { type: 'u32', value: N_LAYER },
    [`${arch}.feed_forward_length`]: { type: 'u32', value: N_FF },
    [`${arch}.attention.head_count`]: { type: 'u32', value: N_HEAD },
    [`${arch}.attention.head_count_kv`]: { type: 'u32', value: N_HEAD },
    [`${arch}.attention.layer_norm_rms_epsilon`]: { type: 'f32', value: 1e-5 },
    [`${arch}.rope.freq_base`]: { type: 'f32', value: 1_000_000 },
    'tokenizer.ggml.model': { type: 'string', value: 'llama' },
    'tokenizer.ggml.tokens': { type: 'string[]', value: tokens },
    'tokenizer.ggml.scores': { type: 'f32[]', value: scores },
    'tokenizer.ggml.token_type': { type: 'i32[]', value: types },
    'tokenizer.ggml.padding_token_id': { type: 'u32', value: tokens.indexOf('[PAD]') },
    'tokenizer.ggml.bos_token_id': { type: 'u32', value: tokens.indexOf('[BOS]') },
    'tokenizer.ggml.eos_token_id': { type: 'u32', value: eos },
    'tokenizer.ggml.unknown_token_id': { type: 'u32', value: tokens.indexOf('[UNK]') },
    'tokenizer.ggml.add_bos_token': { type: 'bool', value: false },
    'tokenizer.ggml.add_eos_token': { type: 'bool', value: false },
    'tokenizer.ggml.add_space_prefix': { type: 'bool', value: false },
    'tokenizer.chat_template': { type: 'string', value: EXAONE_35_CHAT_TEMPLATE },
  };
  return writeGguf(meta, tensors);
}
