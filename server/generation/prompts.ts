/**
 * Prompts are versioned data (server/prompts/<task>.json). An administrator can replace any
 * of them without rebuilding by putting a file of the same name in PROMPTS_DIR; overrides are
 * validated with the same schema as the built-in files.
 *
 * The document text is always data: it goes inside <document>…</document>, the system prompt
 * says so, and any delimiter-looking tag inside the text is neutralised (its `<` becomes the
 * full-width `＜`), so the text cannot close the data block early or open a fake one.
 */
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { ChatMessage } from '../llm/types';
import { estimateTokens } from '../llm/tokens';
import { neutralise } from './neutralise';
import summarizeJson from '../prompts/summarize.json';
import reduceJson from '../prompts/summarize-reduce.json';
import draftJson from '../prompts/draft.json';
import rewriteJson from '../prompts/rewrite.json';
import proofreadJson from '../prompts/proofread.json';
import patentClaimsJson from '../prompts/patent-claims.json';
import patentDescriptionJson from '../prompts/patent-description.json';
import officialDraftJson from '../prompts/official-draft.json';
import contractClauseJson from '../prompts/contract-clause.json';
import continueJson from '../prompts/continue.json';
import { DRAFT_TEMPLATES } from './template-ids';

// ---------------------------------------------------------------------------------------------
// Request options (validated by the routes)

// The enumerations are the wire contract's (kernel/contract), re-exported under the names used here.
export { SUMMARY_LENGTHS, SUMMARY_FORMS, REWRITE_STYLES } from '../../kernel/contract/enums';
export { DRAFT_TEMPLATES };
import { SUMMARY_LENGTHS, SUMMARY_FORMS, REWRITE_STYLES } from '../../kernel/contract/enums';

const summarizeSpecSchema = z.object({
  task: z.literal('summarize'),
  length: z.enum(SUMMARY_LENGTHS).default('short'),
  form: z.enum(SUMMARY_FORMS).default('paragraph'),
  focus: z.string().trim().max(300).optional(),
});
const draftSpecSchema = z.object({
  task: z.literal('draft'),
  instruction: z.string().trim().min(1).max(4000),
  template: z.enum(DRAFT_TEMPLATES).optional(),
});
const rewriteSpecSchema = z
  .object({
    task: z.literal('rewrite'),
    style: z.enum(REWRITE_STYLES),
    instruction: z.string().trim().max(1000).optional(),
  })
  .refine((s) => s.style !== 'free' || !!s.instruction, {
    message: "style 'free' needs an instruction",
    path: ['instruction'],
  });

/** Options of a generation request; `text` (document / grounding) travels separately. */
export const taskSpecSchema = z.discriminatedUnion('task', [summarizeSpecSchema, draftSpecSchema, rewriteSpecSchema]);

export type TaskSpec = z.infer<typeof taskSpecSchema>;
export type SummarizeSpec = z.infer<typeof summarizeSpecSchema>;
export type DraftSpec = z.infer<typeof draftSpecSchema>;
export type RewriteSpec = z.infer<typeof rewriteSpecSchema>;

// ---------------------------------------------------------------------------------------------
// Prompt files

const fragmentValue: z.ZodType<string | Record<string, string>> = z.union([z.string(), z.record(z.string(), z.string())]);

const promptFileSchema = z.object({
  task: z.enum([
    'summarize',
    'summarize-reduce',
    'draft',
    'rewrite',
    'proofread',
    'patent-claims',
    'patent-description',
    'official-draft',
    'contract-clause',
    'continue',
  ]),
  version: z.string().min(1),
  temperature: z.number().min(0).max(2),
  /** Empty only for `continue` (a turn appended to a conversation). */
  system: z.string(),
  user: z.string().min(1),
  fragments: z.record(z.string(), fragmentValue),
  maxTokens: z.record(z.string(), z.number().positive()),
});
export type PromptFile = z.infer<typeof promptFileSchema>;

export type PromptTask = PromptFile['task'];
export const PROMPT_TASKS: readonly PromptTask[] = promptFileSchema.shape.task.options;

export interface Prompts {
  files: Record<PromptTask, PromptFile>;
  /** Where each file came from: 'builtin' or the override's absolute path. */
  sources: Record<PromptTask, string>;
}

/** Fragments and placeholders each task's code needs; an override missing one is rejected. */
const REQUIRED: Record<PromptTask, { user: string[]; fragments: string[]; maxTokens: string[] }> = {
  summarize: {
    user: ['length', 'form', 'focus', 'part', 'document'],
    fragments: ['length.oneline', 'length.short', 'length.detailed', 'length.part', 'form.paragraph', 'form.bullets', 'focus', 'part'],
    maxTokens: ['oneline', 'short', 'detailed', 'part'],
  },
  'summarize-reduce': {
    user: ['length', 'form', 'focus', 'document'],
    fragments: [
      'length.oneline',
      'length.short',
      'length.detailed',
      'length.intermediate',
      'form.paragraph',
      'form.bullets',
      'focus',
      'part',
    ],
    maxTokens: ['oneline', 'short', 'detailed', 'intermediate'],
  },
  draft: {
    user: ['instruction', 'template', 'grounding'],
    fragments: ['template.none', ...DRAFT_TEMPLATES.map((t) => `template.${t}`), 'grounding', 'noGrounding'],
    maxTokens: ['default'],
  },
  rewrite: {
    user: ['style', 'document'],
    fragments: REWRITE_STYLES.map((s) => `style.${s}`),
    maxTokens: ['factor', 'min', 'max'],
  },
  // server/proofread/model-layer.ts: maxTokens of a batch = factor × its input tokens + base
  // (within the model's window); `batch` caps a batch's input tokens.
  proofread: {
    user: ['pack', 'register', 'paragraphs'],
    fragments: ['pack.general', 'pack.official', 'pack.patent', 'pack.contract', 'register.none', 'register.hapsyo', 'register.haera'],
    maxTokens: ['factor', 'base', 'batch'],
  },
  // server/generation/legal-templates.ts
  'patent-claims': { user: ['category', 'count', 'description'], fragments: ['defaultCategory'], maxTokens: ['default'] },
  'patent-description': { user: ['title', 'sections', 'notes'], fragments: [], maxTokens: ['default'] },
  'official-draft': { user: ['agency', 'recipient', 'title', 'points', 'attachments'], fragments: ['none'], maxTokens: ['default'] },
  'contract-clause': {
    user: ['article', 'definedTerms', 'articles', 'description'],
    fragments: ['article', 'none'],
    maxTokens: ['default'],
  },
  // the user turn that asks a cut-off answer to go on (withContinuation)
  continue: { user: [], fragments: [], maxTokens: [] },
};

function validatePromptFile(raw: unknown, expected: PromptTask, source: string): PromptFile {
  const parsed = promptFileSchema.safeParse(raw);
  if (!parsed.success) throw new Error(`prompt file ${source}: ${parsed.error.message}`);
  const file = parsed.data;
  if (file.task !== expected) throw new Error(`prompt file ${source}: task is '${file.task}', expected '${expected}'`);
  if (expected !== 'continue' && !file.system.trim()) throw new Error(`prompt file ${source}: system prompt is empty`);
  const req = REQUIRED[expected];
  for (const p of req.user) {
    if (!file.user.includes(`{{${p}}}`)) throw new Error(`prompt file ${source}: user template lacks {{${p}}}`);
  }
  for (const f of req.fragments) {
    const [k, sub] = f.split('.');
    const v = file.fragments[k!];
    const ok = sub === undefined ? typeof v === 'string' : typeof v === 'object' && typeof v[sub] === 'string';
    if (!ok) throw new Error(`prompt file ${source}: missing fragment ${f}`);
  }
  for (const m of req.maxTokens) {
    if (typeof file.maxTokens[m] !== 'number') throw new Error(`prompt file ${source}: missing maxTokens.${m}`);
  }
  return file;
}

const BUILTIN: Record<PromptTask, unknown> = {
  summarize: summarizeJson,
  'summarize-reduce': reduceJson,
  draft: draftJson,
  rewrite: rewriteJson,
  proofread: proofreadJson,
  'patent-claims': patentClaimsJson,
  'patent-description': patentDescriptionJson,
  'official-draft': officialDraftJson,
  'contract-clause': contractClauseJson,
  continue: continueJson,
};

/**
 * Built-in prompts, each replaced by `<overrideDir>/<task>.json` when that file exists.
 * Throws (at startup) on an invalid override rather than serving a broken prompt.
 */
export function loadPrompts(overrideDir?: string): Prompts {
  const files = {} as Record<PromptTask, PromptFile>;
  const sources = {} as Record<PromptTask, string>;
  for (const task of PROMPT_TASKS) {
    let raw: unknown = BUILTIN[task];
    let source = 'builtin';
    if (overrideDir) {
      const p = path.resolve(overrideDir, `${task}.json`);
      if (fs.existsSync(p)) {
        try {
          raw = JSON.parse(fs.readFileSync(p, 'utf8'));
        } catch (e) {
          throw new Error(`prompt file ${p}: ${(e as Error).message}`);
        }
        source = p;
      }
    }
    files[task] = validatePromptFile(raw, task, source);
    sources[task] = source;
  }
  return { files, sources };
}

// ---------------------------------------------------------------------------------------------
// Rendering

/** Single pass: substituted values are never re-scanned, so `{{x}}` inside a document stays literal. */
export function render(template: string, vars: Record<string, string>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (m, name: string) => {
    const v = vars[name];
    if (v === undefined) throw new Error(`prompt placeholder {{${name}}} has no value`);
    return v;
  });
}

/**
 * User text made safe for a prompt: delimiters, role markers and special tokens defused (see
 * server/generation/neutralise.ts, the one module every prompt builder uses).
 */
export const neutralizeDelimiters = neutralise;

export function frag(file: PromptFile, key: string, sub?: string): string {
  const v = file.fragments[key];
  if (sub === undefined) {
    if (typeof v !== 'string') throw new Error(`prompt ${file.task}: missing fragment ${key}`);
    return v;
  }
  if (typeof v !== 'object' || typeof v[sub] !== 'string') throw new Error(`prompt ${file.task}: missing fragment ${key}.${sub}`);
  return v[sub]!;
}

export interface BuiltPrompt {
  messages: ChatMessage[];
  temperature: number;
  maxTokens?: number;
}

const normalizeNewlines = (s: string) => s.replace(/\r\n?/g, '\n');

function built(file: PromptFile, user: string, maxTokens: number | undefined): BuiltPrompt {
  return {
    messages: [
      { role: 'system', content: file.system },
      { role: 'user', content: user },
    ],
    temperature: file.temperature,
    maxTokens,
  };
}

export interface PartInfo {
  index: number; // 1-based
  total: number;
}

/** Messages for one task over `text` (summarize/rewrite: the document; draft: grounding text, may be empty). */
export function buildMessages(task: TaskSpec, text: string, prompts: Prompts): BuiltPrompt {
  const doc = neutralizeDelimiters(normalizeNewlines(text));
  switch (task.task) {
    case 'summarize':
      return buildSummarize(task, doc, prompts, undefined);
    case 'draft': {
      const f = prompts.files.draft;
      const grounding = doc.trim() ? render(frag(f, 'grounding'), { document: doc }) : frag(f, 'noGrounding');
      const user = render(f.user, {
        instruction: neutralizeDelimiters(task.instruction),
        template: frag(f, 'template', task.template ?? 'none'),
        grounding,
      });
      return built(f, user, f.maxTokens.default);
    }
    case 'rewrite': {
      const f = prompts.files.rewrite;
      const style = render(frag(f, 'style', task.style), {
        instruction: neutralizeDelimiters(task.instruction ?? ''),
      });
      const user = render(f.user, { style, document: doc });
      const { factor, min, max } = f.maxTokens as { factor: number; min: number; max: number };
      const maxTokens = Math.min(max, Math.max(min, Math.ceil(estimateTokens(text) * factor)));
      return built(f, user, maxTokens);
    }
  }
}

function buildSummarize(task: SummarizeSpec, doc: string, prompts: Prompts, part: PartInfo | undefined): BuiltPrompt {
  const f = prompts.files.summarize;
  const lengthKey = part ? 'part' : task.length;
  const focus = task.focus ? render(frag(f, 'focus'), { focus: neutralizeDelimiters(task.focus) }) : '';
  const user = render(f.user, {
    length: frag(f, 'length', lengthKey),
    form: frag(f, 'form', part ? 'bullets' : task.form),
    focus,
    part: part ? render(frag(f, 'part'), { index: String(part.index), total: String(part.total) }) : '',
    document: doc,
  });
  return built(f, user, f.maxTokens[lengthKey]);
}

/** Map step of a long summary: one part of the document, summarised for later combination. */
export function buildMapMessages(task: SummarizeSpec, chunk: string, part: PartInfo, prompts: Prompts): BuiltPrompt {
  return buildSummarize(task, neutralizeDelimiters(normalizeNewlines(chunk)), prompts, part);
}

/**
 * Reduce step: combine partial summaries (in document order). `final` uses the requested
 * length and form; intermediate rounds keep detail for the next round.
 */
export function buildReduceMessages(
  task: SummarizeSpec,
  partials: string[],
  final: boolean,
  prompts: Prompts,
  firstIndex = 1,
): BuiltPrompt {
  const f = prompts.files['summarize-reduce'];
  const lengthKey = final ? task.length : 'intermediate';
  const parts = partials
    .map((p, i) => render(frag(f, 'part'), { index: String(firstIndex + i), text: neutralizeDelimiters(normalizeNewlines(p.trim())) }))
    .join('\n');
  const focus = task.focus ? render(frag(f, 'focus'), { focus: neutralizeDelimiters(task.focus) }) : '';
  const user = render(f.user, {
    length: frag(f, 'length', lengthKey),
    form: frag(f, 'form', final ? task.form : 'bullets'),
    focus,
    document: parts,
  });
  return built(f, user, f.maxTokens[lengthKey]);
}

/**
 * A cut-off answer continues as the same conversation: the partial answer (neutralised: it
 * comes back from the client), then the `continue` prompt's instruction.
 */
export function withContinuation(messages: ChatMessage[], continueFrom: string | undefined, prompts: Prompts): ChatMessage[] {
  if (!continueFrom) return messages;
  return [...messages, { role: 'assistant', content: neutralise(continueFrom) }, { role: 'user', content: prompts.files.continue.user }];
}
