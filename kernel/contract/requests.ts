/**
 * Request bodies of the relay's JSON endpoints: the relay validates with these schemas
 * (server/validation.ts turns the first issue into a 400 naming the field), the pane
 * types what it sends with them. Limits that come from the relay's configuration
 * (MAX_TEXT_CHARS) are parameters, hence factories.
 *
 * Error messages are part of the API (docs/API.md, the 400 tests): change them with care.
 * Messages without a custom text come from zod's English locale, which the relay loads.
 */
import * as z from 'zod/mini';
import { CATEGORIES, PACK_IDS, REGISTERS, REWRITE_STYLES, SUMMARY_FORMS, SUMMARY_LENGTHS } from './enums';
import { TEMPLATE_IDS } from './templates';

/** A user text: well-formed UTF-16 (no lone surrogates), NFC-normalised, whitespace kept. */
export function documentText(maxChars: number) {
  return z.string({ error: 'expected a string' }).check(
    z.maxLength(maxChars, `expected at most ${maxChars} characters`),
    z.refine((s) => s.isWellFormed(), 'contains invalid (unpaired surrogate) characters'),
    z.normalize('NFC'),
  );
}

const nonBlank = (what: string) => z.refine<string>((s) => s.trim().length > 0, `expected some text to ${what}`);

/** POST /api/proofread `options`. */
export function proofreadOptionsSchema() {
  return z._default(
    z.strictObject({
      pack: z._default(z.enum(PACK_IDS), 'general'),
      categories: z.optional(z.array(z.enum(CATEGORIES)).check(z.maxLength(CATEGORIES.length))),
      register: z.optional(z.enum(REGISTERS)),
      model: z._default(z.boolean(), true),
      /** Also return recommendations below the display threshold (e.g. established loanword variants). */
      recommendations: z._default(z.boolean(), false),
    }),
    { pack: 'general', model: true, recommendations: false },
  );
}

/** POST /api/proofread. Paragraph ids are the pane's (unique); suggestions name them. */
export function proofreadRequestSchema(maxChars: number) {
  return z.strictObject({
    paragraphs: z
      .array(
        z.strictObject({
          id: z.string().check(z.minLength(1, 'expected a non-empty id'), z.maxLength(200)),
          text: documentText(maxChars),
        }),
        { error: 'expected an array of {id, text}' },
      )
      .check(
        z.minLength(1, 'expected at least one paragraph'),
        z.refine((ps) => new Set(ps.map((p) => p.id)).size === ps.length, 'paragraph ids must be unique'),
      ),
    options: proofreadOptionsSchema(),
  });
}

/** POST /api/summarize. */
export function summarizeRequestSchema(maxChars: number) {
  return z.strictObject({
    text: documentText(maxChars).check(nonBlank('summarise')),
    options: z._default(
      z.strictObject({
        length: z._default(z.enum(SUMMARY_LENGTHS), 'short'),
        form: z._default(z.enum(SUMMARY_FORMS), 'paragraph'),
        focus: z.optional(z.string().check(z.trim(), z.maxLength(300, 'expected at most 300 characters'))),
      }),
      { length: 'short', form: 'paragraph' },
    ),
  });
}

/** POST /api/draft. `continueFrom`: the answer so far, when the model was cut off and the user asked to continue. */
export function draftRequestSchema(maxChars: number) {
  return z.strictObject({
    instruction: z
      .string({ error: 'expected a string' })
      .check(z.trim(), z.minLength(1, 'expected an instruction'), z.maxLength(4000, 'expected at most 4000 characters')),
    template: z.optional(z.enum(TEMPLATE_IDS, { error: `expected one of ${TEMPLATE_IDS.join(', ')}` })),
    text: z.optional(documentText(maxChars)),
    continueFrom: z.optional(documentText(maxChars)),
  });
}

/** POST /api/rewrite. Style `free` needs an instruction. */
export function rewriteRequestSchema(maxChars: number) {
  return z
    .strictObject({
      text: documentText(maxChars).check(nonBlank('rewrite')),
      style: z.enum(REWRITE_STYLES, { error: `expected one of ${REWRITE_STYLES.join(', ')}` }),
      instruction: z.optional(
        z.string({ error: 'expected a string' }).check(z.trim(), z.maxLength(1000, 'expected at most 1000 characters')),
      ),
      continueFrom: z.optional(documentText(maxChars)),
    })
    .check(
      z.refine((b) => b.style !== 'free' || Boolean(b.instruction), {
        message: "expected an instruction for style 'free'",
        path: ['instruction'],
      }),
    );
}

/** POST /api/doctype: the document's paragraphs → the suggested pack. */
export function doctypeRequestSchema(maxChars: number) {
  return z.strictObject({
    paragraphs: z
      .array(documentText(maxChars), { error: 'expected an array of strings' })
      .check(z.maxLength(20_000, 'expected at most 20000 paragraphs')),
  });
}

/** POST /api/doctype answer. */
export const doctypeResponseSchema = z.object({ docType: z.enum(PACK_IDS) });

export type ProofreadRequest = z.input<ReturnType<typeof proofreadRequestSchema>>;
export type ProofreadOptions = z.output<ReturnType<typeof proofreadOptionsSchema>>;
export type SummarizeRequest = z.input<ReturnType<typeof summarizeRequestSchema>>;
export type DraftRequest = z.input<ReturnType<typeof draftRequestSchema>>;
export type RewriteRequest = z.input<ReturnType<typeof rewriteRequestSchema>>;
export type DoctypeRequest = z.input<ReturnType<typeof doctypeRequestSchema>>;
