/** Builds a paragraph checker for an engine choice (rules | model | all); used by the CLIs. */
import type { PackName, Paragraph, Suggestion } from './types';
import { createOfflineEngine } from './engine';
import { runModelLayer, approxTokens } from './model-layer';
import { mergeSuggestions } from './merge';
import { coalesceSuggestions } from './coalesce';
import { completeFromEnv } from './openai-fetch';
import type { CompleteFn } from '../llm/types';

export type EngineChoice = 'rules' | 'model' | 'all';
export const ENGINE_CHOICES: readonly EngineChoice[] = ['rules', 'model', 'all'];

export interface CheckerOptions {
  engine: EngineChoice;
  pack: PackName;
  dictionary?: boolean;
  complete?: CompleteFn;
  modelId?: string;
  concurrency?: number;
  /** Passed to the offline engine (default: its display threshold; 0 = every suggestion). */
  minConfidence?: number;
}

export type Checker = (paragraphs: Paragraph[]) => Promise<Suggestion[]>;

export async function createChecker(o: CheckerOptions): Promise<Checker> {
  const offline = o.engine === 'model' ? null : await createOfflineEngine({ dictionary: !!o.dictionary });
  let complete = o.complete;
  let modelId = o.modelId ?? 'model';
  if (o.engine !== 'rules' && !complete) {
    const env = completeFromEnv();
    complete = env.complete;
    modelId = env.model;
  }
  return async (paragraphs) => {
    const paras = paragraphs.map((p) => ({ id: p.id, text: p.text.normalize('NFC') }));
    const a = offline ? offline.check(paras, o.minConfidence === undefined ? { pack: o.pack } : { pack: o.pack, minConfidence: o.minConfidence }) : [];
    if (!complete) return a;
    const m = await runModelLayer(paras, {
      complete,
      countTokens: approxTokens,
      pack: o.pack,
      modelId,
      concurrency: o.concurrency ?? 2,
    });
    return coalesceSuggestions(mergeSuggestions([...a, ...m], paras), paras);
  };
}
