/**
 * The one place where user text is made safe to put inside a prompt. Every prompt builder
 * (summaries, map/reduce parts, drafts and their grounding, rewrites, instructions, the legal
 * templates, continuations, proofreading paragraphs) passes user text through `neutralise`.
 *
 * What it defuses:
 *  - our data delimiters (`<document>`, `</document>`, `<part n="…">`, `</part>`), so the text
 *    cannot close its data block or open a fake one;
 *  - chat-template role markers and special tokens: EXAONE's `[|system|]`, `[|user|]`,
 *    `[|assistant|]`, `[|endofturn|]` (any `[|…`), ChatML / Llama 3 / Qwen `<|im_start|>`,
 *    `<|eot_id|>` (any `<|…`, also DeepSeek's full-width `<｜…`), `<s>`, `</s>`, `<unk>`,
 *    `<pad>`, `<bos>`, `<eos>`, Gemma's `<start_of_turn>`/`<end_of_turn>`, `<think>`,
 *    Llama 2's `[INST]`, `<<SYS>>`. llama-server tokenises the rendered chat prompt with
 *    special tokens parsed, so such a string in a document would otherwise become a real turn;
 *  - zero-width and bidi/format characters (U+00AD, U+180E, U+200B–U+200F, U+202A–U+202E,
 *    U+2060–U+2064, U+2066–U+206F, U+FEFF) placed around or inside those markers
 *    (`<\u200b/document>`) to slip past a plain pattern: the patterns allow them anywhere.
 *
 * How: the marker's first character (`<` or `[`) becomes its full-width form (`＜` U+FF1C,
 * `［` U+FF3B). The text stays readable, nothing else changes (whitespace and the format
 * characters themselves are left as the author wrote them), and the transform maps each UTF-16
 * code unit to exactly one code unit: offsets into the neutralised text are offsets into the
 * original, which the proofreader relies on to locate the model's edits in the user's text.
 *
 * Written here rather than taken from a library: prompt-injection libraries classify or strip
 * text, and none keeps offsets or knows our delimiters and EXAONE's tokens.
 */

/** Invisible characters that could hide inside a marker. */
const FORMAT_CLASS = '[\\u00AD\\u180E\\u200B-\\u200F\\u202A-\\u202E\\u2060-\\u2064\\u2066-\\u206F\\uFEFF]';
const F = `${FORMAT_CLASS}*`;
/** Whitespace or format characters (inside a tag, spaces are tolerated by a reader). */
const G = `(?:\\s|${FORMAT_CLASS})*`;

/** A word whose letters may be separated by format characters (case-insensitive pattern). */
const spelled = (word: string) => [...word].map((c) => c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join(F);

/** Our data delimiters (the tags prompts put user text in). */
export const DELIMITER_TAGS = ['document', 'part'] as const;
/** Angle-bracket special tokens of common chat templates (besides `<|…|>`). */
const ANGLE_TOKENS = ['s', 'unk', 'pad', 'bos', 'eos', 'think', 'start_of_turn', 'end_of_turn', 'im_start', 'im_end'];

const DELIMITER_RE = new RegExp(`<(?=${G}/?${G}(?:${DELIMITER_TAGS.map(spelled).join('|')})(?![A-Za-z]))`, 'gi');
const ANGLE_TOKEN_RE = new RegExp(`<(?=${F}/?${F}(?:${ANGLE_TOKENS.map(spelled).join('|')})${F}>)`, 'gi');
const ANGLE_BAR_RE = new RegExp(`<(?=${F}[|｜])`, 'g');
const SYS_RE = new RegExp(`<(?=${F}<${F}/?${F}${spelled('SYS')}${F}>)`, 'gi');
const BRACKET_BAR_RE = new RegExp(`\\[(?=${F}\\|)`, 'g');
const INST_RE = new RegExp(`\\[(?=${F}/?${F}${spelled('INST')}${F}\\])`, 'gi');

const ANGLE_PATTERNS = [DELIMITER_RE, ANGLE_TOKEN_RE, ANGLE_BAR_RE, SYS_RE];
const BRACKET_PATTERNS = [BRACKET_BAR_RE, INST_RE];

const FULL_LT = '\uFF1C'; // ＜
const FULL_LSQB = '\uFF3B'; // ［

/**
 * User text made safe for a prompt: delimiters, role markers and special tokens defused by a
 * one-code-unit-for-one substitution (so `neutralise(s).length === s.length`, offsets kept).
 */
export function neutralise(text: string): string {
  let out = text;
  for (const re of ANGLE_PATTERNS) out = out.replace(re, FULL_LT);
  for (const re of BRACKET_PATTERNS) out = out.replace(re, FULL_LSQB);
  return out;
}

/** Newlines as `\n`, then `neutralise` (document-sized text for the generation prompts). */
export function neutraliseDocument(text: string): string {
  return neutralise(text.replace(/\r\n?/g, '\n'));
}

const inverse = (re: RegExp, from: string) => new RegExp(re.source.replace(/^\\?[<[]/, from), re.flags);
const ANGLE_INVERSE = ANGLE_PATTERNS.map((re) => inverse(re, FULL_LT));
const BRACKET_INVERSE = BRACKET_PATTERNS.map((re) => inverse(re, '\\' + FULL_LSQB));

/**
 * Undoes `neutralise` in a model's replacement text, for a paragraph that was neutralised:
 * a correction the model copied from the defused text must not write `＜`/`［` into the
 * user's document where the user had `<`/`[`.
 */
export function restoreNeutralised(text: string): string {
  let out = text;
  for (const re of ANGLE_INVERSE) out = out.replace(re, '<');
  for (const re of BRACKET_INVERSE) out = out.replace(re, '[');
  return out;
}
