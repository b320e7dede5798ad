/**
 * The oracle model of `npm run eval:proofread -- --engine model --oracle`: it stands in for the
 * model server and answers each paragraph with its gold correction, the way a perfect model
 * following the proofreading prompt would (edits quoting whole 어절 from the text it was
 * shown, widened until they occur once). Everything else is the relay's pipeline: batching
 * from the window, the prompt, the JSON-schema bounds, parsing, anchoring and merging, so
 * `oracleRecall` / `oraclePrecision` measure what that plumbing loses before any model error.
 *
 * Like a real server it refuses a prompt + max_tokens over its window (vLLM answers 400), obeys
 * the schema's bounds (a constrained decoder cannot emit more) and stops at max_tokens with
 * finish_reason "length" (the answer cut off mid-JSON).
 */
import { neutralise } from '../generation/neutralise';
import { estimateTokens } from '../llm/tokens';
import type { ChatRequest, ChatResult, CompleteFn } from '../llm/types';
import { extractEdits, type Edit } from './eval-metrics';
import { MAX_EDIT_CHARS, MAX_EDITS_PER_PARAGRAPH, type ModelEdit } from '../proofread/model-layer';

export interface OracleStats {
  requests: number;
  /** Answers cut at max_tokens. */
  truncated: number;
  /** Edits a constrained decoder could not emit (over the schema's bounds). */
  droppedBySchema: number;
}

export interface Oracle {
  complete: CompleteFn;
  stats: OracleStats;
}

/** Per-message template overhead the oracle charges, as the relay's estimate does. */
const MESSAGE_TOKENS = 8;

export function createOracle(pairs: ReadonlyArray<{ source: string; target: string }>, contextWindow: number): Oracle {
  // The model is shown neutralised text; its gold answer is the neutralised target.
  const gold = new Map<string, string>();
  for (const { source, target } of pairs) {
    const shown = neutralise(source.normalize('NFC'));
    if (!gold.has(shown)) gold.set(shown, neutralise(target.normalize('NFC')));
  }
  const stats: OracleStats = { requests: 0, truncated: 0, droppedBySchema: 0 };

  const complete = async (req: ChatRequest): Promise<ChatResult> => {
    stats.requests++;
    if (!req.jsonSchema) throw new Error('oracle: the proofreader must ask for schema-constrained JSON');
    const prompt = req.messages.reduce((n, m) => n + estimateTokens(m.content) + MESSAGE_TOKENS, 0);
    if (prompt + (req.maxTokens ?? 0) > contextWindow) {
      throw new Error(`oracle: prompt ${prompt} + max_tokens ${req.maxTokens} exceeds the window ${contextWindow} (vLLM answers 400)`);
    }
    const results = paragraphsOf(req).map((p) => {
      const target = gold.get(p.text);
      let edits = target === undefined ? [] : editsFor(p.text, target);
      const fits = edits.filter((e) => e.original.length <= MAX_EDIT_CHARS && e.corrected.length <= MAX_EDIT_CHARS);
      stats.droppedBySchema += edits.length - fits.length;
      edits = fits.slice(0, MAX_EDITS_PER_PARAGRAPH);
      stats.droppedBySchema += fits.length - edits.length;
      return { id: p.id, edits };
    });
    const content = JSON.stringify({ results });
    const limit = req.maxTokens ?? Infinity;
    if (estimateTokens(content) > limit) {
      stats.truncated++;
      // cut where the token estimate reaches max_tokens
      let cut = content.length;
      while (cut > 0 && estimateTokens(content.slice(0, cut)) > limit) cut = Math.floor(cut * 0.9);
      return { content: content.slice(0, cut), finishReason: 'length' };
    }
    return { content, finishReason: 'stop' };
  };
  return { complete, stats };
}

/** The paragraphs of a proofreading request: the JSON line `{"paragraphs": [...]}` of the user message. */
function paragraphsOf(req: ChatRequest): Array<{ id: string; text: string }> {
  const user = req.messages.filter((m) => m.role === 'user').pop()?.content ?? '';
  const line = user.split('\n').find((l) => l.startsWith('{"paragraphs"'));
  if (!line) throw new Error('oracle: no paragraphs JSON in the proofreading prompt');
  return (JSON.parse(line) as { paragraphs: Array<{ id: string; text: string }> }).paragraphs;
}

const isSpace = (c: string | undefined) => c !== undefined && /\s/.test(c);

/**
 * Gold edits as a model is asked to give them: each character-level change widened to the
 * whole 어절 around it (neighbouring changes that then touch are one edit), and further by one
 * 어절 at a time until `original` occurs once in the paragraph.
 */
export function editsFor(text: string, target: string): ModelEdit[] {
  const spans: Array<{ start: number; end: number; changes: Edit[] }> = [];
  for (const e of extractEdits(text, target)) {
    let start = e.start;
    let end = e.end;
    while (start > 0 && !isSpace(text[start - 1])) start--;
    while (end < text.length && !isSpace(text[end])) end++;
    const last = spans[spans.length - 1];
    if (last && start <= last.end) {
      last.end = Math.max(last.end, end);
      last.changes.push(e);
    } else spans.push({ start, end, changes: [e] });
  }
  const out: ModelEdit[] = [];
  for (const span of spans) {
    let { start, end } = span;
    const once = () => {
      const o = text.slice(start, end);
      const at = text.indexOf(o);
      return o.length > 0 && text.indexOf(o, at + 1) < 0;
    };
    while (!once() && (start > 0 || end < text.length)) {
      if (start > 0) {
        start--;
        while (start > 0 && isSpace(text[start])) start--;
        while (start > 0 && !isSpace(text[start - 1])) start--;
      }
      if (!once() && end < text.length) {
        while (end < text.length && isSpace(text[end])) end++;
        while (end < text.length && !isSpace(text[end])) end++;
      }
    }
    // apply this span's changes (source offsets) to the slice
    let corrected = '';
    let pos = start;
    for (const c of span.changes) {
      corrected += text.slice(pos, c.start) + c.text;
      pos = c.end;
    }
    corrected += text.slice(pos, end);
    out.push({ original: text.slice(start, end), corrected, reason: '정답 교정' });
  }
  return out;
}
