/**
 * A cheap gate in front of a paragraph rule: the rule's regex runs only on paragraphs that contain
 * at least one of the given strings (String.prototype.includes is far cheaper than a regex with
 * lookbehinds over a 150K-character statute). Every string listed must be one the rule's match
 * itself needs, so gating never changes what a rule finds — only how fast it finds nothing.
 */
import type { Rule } from '../../types';

export function gated(rule: Rule, ...needles: Array<string | string[]>): Rule {
  // each argument is a group: a paragraph must contain some string of EVERY group
  const groups = needles.map((n) => (Array.isArray(n) ? n : [n]));
  return {
    ...rule,
    check(ctx, paragraphIndex = 0) {
      const text = ctx.paragraphs[paragraphIndex];
      if (!text) return [];
      for (const g of groups) if (!g.some((s) => text.includes(s))) return [];
      return rule.check(ctx, paragraphIndex);
    },
  };
}
