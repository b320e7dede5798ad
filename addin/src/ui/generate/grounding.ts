/** What a draft is grounded on, read from the document, or why it cannot be. */
import type { DocumentHost } from '../../host/DocumentHost';

export type Ground = 'none' | 'selection' | 'document';

/** Why a draft request cannot start. */
export type DraftProblem = 'instruction' | 'selection' | 'document';

/**
 * The grounding text for `ground` (undefined for 'none'), or the problem when the
 * selection or the document is empty.
 */
export async function readGrounding(
  host: Pick<DocumentHost, 'getSelectionText' | 'getBodyText'>,
  ground: Ground,
): Promise<{ text?: string } | { problem: DraftProblem }> {
  if (ground === 'none') return {};
  const text = ground === 'selection' ? await host.getSelectionText() : await host.getBodyText();
  return text.trim() ? { text } : { problem: ground };
}
