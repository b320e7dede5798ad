/**
 * The one place that formats the text of a Sseugi comment (Word comments, the standalone
 * page's marks and a file's notes alike): `[AI 제안] reason → “fix”`. Callers pass only the
 * reason (the finding's message and rule, in the pane's language); nothing else adds the
 * prefix or the fix.
 */
export const AI_COMMENT_PREFIX = '[AI 제안] ';

/** Comment text for a finding: reason, plus the proposed fix when there is one. */
export function commentText(reason: string, replacement: string | null): string {
  const r = reason.trim();
  if (replacement === null) return `${AI_COMMENT_PREFIX}${r}`;
  return `${AI_COMMENT_PREFIX}${r} → “${replacement}”`;
}
