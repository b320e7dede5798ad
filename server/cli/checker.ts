/**
 * A paragraph checker for an engine choice (rules | model | all), used by the CLIs
 * (`npm run check`, `npm run eval:proofread`). The model layer is the relay's own proofreader
 * (server/proofread/proofreader.ts) over a relay context built from the same settings the relay
 * reads (environment, SSEUGI_CONFIG): same client, backend detection, token budgeting,
 * JSON-schema dialect, prompt files and merge. Only `complete` can be swapped (the oracle).
 */
import pino from 'pino';
import type { PackName, Paragraph, Suggestion } from '../proofread/types';
import { createOfflineEngine } from '../proofread/engine';
import type { UncheckedParagraphs } from '../proofread/model-layer';
import { createProofreader, proofreaderDeps, type ProofreaderDeps } from '../proofread/proofreader';
import { sortSuggestions } from '../proofread/run-rules';
import { loadConfig } from '../config';
import type * as RelayModule from '../relay';
import { loadPrompts } from '../generation/prompts';
import { estimateTokens } from '../llm/tokens';
import type { CompleteFn } from '../llm/types';

export type EngineChoice = 'rules' | 'model' | 'all';
export const ENGINE_CHOICES: readonly EngineChoice[] = ['rules', 'model', 'all'];

export interface CheckerOptions {
  engine: EngineChoice;
  pack: PackName;
  dictionary?: boolean;
  /**
   * Stands in for the model server (the oracle of `eval:proofread --oracle`): the proofreader
   * is the same, with the configured window (LLM_CONTEXT_WINDOW) and the estimated token count
   * instead of asking a server. Without it, the relay's client talks to LLM_BASE_URL.
   */
  complete?: CompleteFn;
  /** Settings (default process.env; LLM_MODEL etc. have the relay's defaults). */
  env?: NodeJS.ProcessEnv;
  /** Passed to the offline engine (default: its display threshold; 0 = every suggestion). */
  minConfidence?: number;
}

export interface CheckResult {
  suggestions: Suggestion[];
  /** Paragraphs the model did not check (never counted as clean). */
  unchecked: UncheckedParagraphs[];
}

export interface Checker {
  check(paragraphs: Paragraph[]): Promise<CheckResult>;
  /** Releases the model client (health probes, sockets). */
  close(): Promise<void>;
}

export async function createChecker(o: CheckerOptions): Promise<Checker> {
  const offline = o.engine === 'model' ? null : await createOfflineEngine({ dictionary: !!o.dictionary });
  let deps: ProofreaderDeps | null = null;
  let close = async (): Promise<void> => {};
  if (o.engine !== 'rules') {
    const config = loadConfig(o.env ?? process.env);
    if (o.complete) {
      deps = {
        complete: o.complete,
        window: async () => ({ contextWindow: config.LLM_CONTEXT_WINDOW }),
        countTokens: async (t) => estimateTokens(t),
        prompts: loadPrompts(config.PROMPTS_DIR),
        modelId: config.LLM_MODEL,
        concurrency: config.LLM_CONCURRENCY,
        fallbackContextWindow: config.LLM_CONTEXT_WINDOW,
      };
    } else {
      // Loaded only for the model engines: rules-only checking needs no relay, nor its auth
      // libraries (jose's browser build breaks the pane's jsdom tests that compare with the CLI).
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const { createContext } = require('../relay') as typeof RelayModule;
      const ctx = createContext(config, pino({ level: 'silent' }));
      deps = proofreaderDeps(ctx, { cache: false });
      close = async () => {
        ctx.llmPool?.close();
        ctx.closeServices?.();
      };
    }
  }
  const proofreader = deps ? createProofreader(deps) : null;
  return {
    close,
    async check(paragraphs) {
      const paras = paragraphs.map((p) => ({ id: p.id, text: p.text.normalize('NFC') }));
      const rules = offline
        ? offline.check(paras, o.minConfidence === undefined ? { pack: o.pack } : { pack: o.pack, minConfidence: o.minConfidence })
        : [];
      if (!proofreader) return { suggestions: sortSuggestions(rules, paras), unchecked: [] };
      const r = await proofreader.checkWithModel(paras, { pack: o.pack, delivered: rules });
      return { suggestions: r.suggestions, unchecked: r.unchecked };
    },
  };
}
