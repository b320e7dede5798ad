/** Follow-up requests that continue a result the model cut off (POST /api/draft and /api/rewrite with `continueFrom`). */
import type { DraftRequest } from './history';

/**
 * The same request again with the answer so far: the relay continues it as the same
 * conversation (the partial answer, then "continue"), with the same template, so a
 * legal draft is checked with its pack as a whole.
 */
export function continueDraftRequest(original: DraftRequest, partial: string): DraftRequest {
  return { ...original, continueFrom: partial };
}

/** The same rewrite again with the answer so far, continued by the relay. */
export function continueRewriteRequest(
  source: string,
  style: string,
  instruction: string | undefined,
  partial: string,
): { text: string; style: string; instruction?: string; continueFrom: string } {
  return { text: source, style, ...(instruction ? { instruction } : {}), continueFrom: partial };
}
