/** A Suggestion for pane tests: the given fields over a spelling rule finding in paragraph p0. */
import type { Suggestion } from '../../kernel/contract/suggestion';

export function sug(p: Partial<Suggestion> & Pick<Suggestion, 'id' | 'start' | 'end' | 'original'>): Suggestion {
  return {
    paragraphId: 'p0',
    replacement: 'X',
    category: 'spelling',
    message: '메시지',
    messageEn: 'message',
    source: 'rule',
    confidence: 0.9,
    ...p,
  };
}
