/**
 * The relay's Server-Sent Events, per stream: the relay's SSE writer only accepts these
 * shapes (a wrong event is a compile error in the server), and the pane parses every
 * event with the same schemas (a malformed event is a `BAD_EVENT` error in the pane).
 *
 * Each stream has its own map event name → data schema, because `done` and `progress`
 * carry different fields on different endpoints. Parsing is loose (unknown fields are
 * dropped), so a newer relay may add fields without breaking an older pane.
 */
import * as z from 'zod/mini';
import { PACK_IDS, UNCHECKED_REASONS } from './enums';
import { suggestionSchema } from './suggestion';

const count = z.int().check(z.gte(0));

/** A piece of streamed output, appended to what came before. */
export const textEvent = z.object({ text: z.string() });

/** The task failed; the stream ends after it (`layer: 'model'` on /api/proofread: only the model layer failed, `done` follows). */
export const errorEvent = z.object({
  code: z.string(),
  message: z.string(),
  retryable: z.boolean(),
  layer: z.optional(z.literal('model')),
});

/** End of a completion stream (/api/draft, /api/rewrite). `truncated`: the model hit its length limit. */
export const completionDoneEvent = z.object({
  finishReason: z.nullable(z.string()),
  truncated: z.boolean(),
  usage: z.optional(z.object({ promptTokens: count, completionTokens: count })),
});

/**
 * Draft findings: the draft checked with a legal template's rule pack, sent before `done`.
 * They cover the whole draft — `continueFrom` (when continuing) followed by the streamed
 * text — split into lines on '\n': `paragraphId` is `d<n>` for line n (0-based), and
 * `start`/`end` are UTF-16 offsets into that line. Findings of a continued draft replace
 * the earlier ones.
 */
export const findingsEvent = z.object({
  pack: z.enum(PACK_IDS),
  suggestions: z.array(suggestionSchema),
});

/** The paragraph id of line `index` of a checked draft (see findingsEvent). */
export function draftLineId(index: number): string {
  return `d${index}`;
}

/** The line index named by a draft finding's paragraph id, or null when it is not one. */
export function draftLineIndex(paragraphId: string): number | null {
  const m = /^d(0|[1-9]\d*)$/.exec(paragraphId);
  return m ? Number(m[1]) : null;
}

/** /api/summarize: chunks summarised (`map`) and partial summaries combined (`reduce`). */
export const summaryProgressEvent = z.object({ phase: z.enum(['map', 'reduce']), done: count, total: count });

export const summaryDoneEvent = z.object({
  finishReason: z.enum(['stop', 'length']),
  truncated: z.boolean(),
  mode: z.enum(['single', 'map-reduce']),
  chunks: count,
  /** Model calls made. */
  calls: count,
});

/** /api/proofread: one layer's suggestions (rules at once, the model's per batch). */
export const suggestionsEvent = z.object({
  layer: z.enum(['rules', 'model']),
  suggestions: z.array(suggestionSchema),
  /** The rule layer stopped at its per-request cap. */
  truncated: z.optional(z.boolean()),
});

export const proofreadProgressEvent = z.object({ phase: z.literal('model'), done: count, total: count });

/** Paragraphs the model layer did not check: named, never passed off as clean. */
export const uncheckedEvent = z.object({
  layer: z.literal('model'),
  paragraphIds: z.array(z.string()),
  reason: z.enum(UNCHECKED_REASONS),
});

export const proofreadDoneEvent = z.object({ total: count, fromCache: count, unchecked: count });

/** Event name → data schema. */
export type EventSchemas = Record<string, z.ZodMiniType>;

export const draftEvents = {
  text: textEvent,
  findings: findingsEvent,
  done: completionDoneEvent,
  error: errorEvent,
} satisfies EventSchemas;
export const rewriteEvents = { text: textEvent, done: completionDoneEvent, error: errorEvent } satisfies EventSchemas;
export const summarizeEvents = {
  text: textEvent,
  progress: summaryProgressEvent,
  done: summaryDoneEvent,
  error: errorEvent,
} satisfies EventSchemas;
export const proofreadEvents = {
  suggestions: suggestionsEvent,
  progress: proofreadProgressEvent,
  unchecked: uncheckedEvent,
  error: errorEvent,
  done: proofreadDoneEvent,
} satisfies EventSchemas;

/** Every streaming endpoint and the events it sends. */
export const STREAM_EVENTS = {
  '/api/proofread': proofreadEvents,
  '/api/summarize': summarizeEvents,
  '/api/draft': draftEvents,
  '/api/rewrite': rewriteEvents,
} as const;
export type StreamPath = keyof typeof STREAM_EVENTS;

/** Event name → data type, for a map of schemas. */
export type EventData<M extends EventSchemas> = { [K in keyof M & string]: z.output<M[K]> };

/** One parsed event of a map: `{event, data}` with `data` narrowed by `event`. */
export type EventOf<M extends EventSchemas> = { [K in keyof M & string]: { event: K; data: z.output<M[K]> } }[keyof M & string];

export type ErrorEvent = z.output<typeof errorEvent>;
export type TextEvent = z.output<typeof textEvent>;
export type FindingsEvent = z.output<typeof findingsEvent>;
export type CompletionDoneEvent = z.output<typeof completionDoneEvent>;
export type SummaryProgressEvent = z.output<typeof summaryProgressEvent>;
export type SummaryDoneEvent = z.output<typeof summaryDoneEvent>;
export type SuggestionsEvent = z.output<typeof suggestionsEvent>;
export type ProofreadProgressEvent = z.output<typeof proofreadProgressEvent>;
export type UncheckedEvent = z.output<typeof uncheckedEvent>;
export type ProofreadDoneEvent = z.output<typeof proofreadDoneEvent>;

export type DraftEventData = EventData<typeof draftEvents>;
export type RewriteEventData = EventData<typeof rewriteEvents>;
export type SummarizeEventData = EventData<typeof summarizeEvents>;
export type ProofreadEventData = EventData<typeof proofreadEvents>;

export type ParsedEvent<M extends EventSchemas> =
  | { ok: true; value: EventOf<M> }
  /** `unknown`: an event name this stream does not send (ignored by the pane, for newer relays). */
  | { ok: false; reason: 'unknown' | 'invalid'; message: string };

/**
 * Parses one SSE event (its name and the JSON text of its data) with the stream's schemas.
 * Never throws.
 */
export function parseEvent<M extends EventSchemas>(schemas: M, event: string, rawData: string): ParsedEvent<M> {
  const schema = Object.hasOwn(schemas, event) ? schemas[event] : undefined;
  if (!schema) return { ok: false, reason: 'unknown', message: `unknown event "${event}"` };
  let json: unknown;
  try {
    json = JSON.parse(rawData);
  } catch {
    return { ok: false, reason: 'invalid', message: `event "${event}": data is not JSON` };
  }
  const result = z.safeParse(schema, json);
  if (!result.success) {
    const issue = result.error.issues[0];
    const where = issue && issue.path.length ? issue.path.join('.') : 'data';
    return { ok: false, reason: 'invalid', message: `event "${event}": ${where}: ${issue?.message ?? 'invalid'}` };
  }
  return { ok: true, value: { event, data: result.data } as EventOf<M> };
}
