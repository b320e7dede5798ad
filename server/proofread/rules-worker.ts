/**
 * The worker side of the offline proofreading pool (server/proofread/rules-pool.ts):
 * one engine per worker thread, loaded on first use; each task checks one request's
 * paragraphs and returns at most `max` findings (first by paragraph order), so a
 * document full of findings cannot make an answer of tens of megabytes.
 */
import { createOfflineEngine, type CheckOptions, type OfflineEngine } from './engine';
import type { Paragraph, Suggestion } from './types';

export interface RulesTask {
  paragraphs: Paragraph[];
  options: CheckOptions;
  /** Findings kept at most. */
  max: number;
}

export interface RulesResult {
  suggestions: Suggestion[];
  /** More findings than `max` were found (and left out). */
  truncated: boolean;
}

let engine: Promise<OfflineEngine> | null = null;

export default async function checkRules(task: RulesTask): Promise<RulesResult> {
  engine ??= createOfflineEngine();
  const all = (await engine).check(task.paragraphs, task.options);
  return all.length > task.max ? { suggestions: all.slice(0, task.max), truncated: true } : { suggestions: all, truncated: false };
}
