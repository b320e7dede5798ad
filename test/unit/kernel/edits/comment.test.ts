/** The comment format (kernel/edits/comment.ts): full texts, so a doubled part cannot hide. */
import { AI_COMMENT_PREFIX, commentText } from '../../../../kernel/edits/comment';

describe('commentText', () => {
  it('reads "[AI 제안] reason → “fix”", the fix exactly once', () => {
    expect(commentText("'되었다'의 준말은 '됐다'입니다. (한글 맞춤법 제35항)", '됐다')).toBe(
      "[AI 제안] '되었다'의 준말은 '됐다'입니다. (한글 맞춤법 제35항) → “됐다”",
    );
  });

  it('has no arrow for a fix-less finding, and trims the reason', () => {
    expect(commentText('  뜻이 분명하지 않음 \n', null)).toBe('[AI 제안] 뜻이 분명하지 않음');
  });

  it('shows an empty fix (a deletion) as empty quotes', () => {
    expect(commentText('중복', '')).toBe('[AI 제안] 중복 → “”');
    expect(AI_COMMENT_PREFIX).toBe('[AI 제안] ');
  });
});
