import * as z from 'zod/mini';
import { suggestionSchema, type Suggestion } from '../../../../kernel/contract/suggestion';

const valid: Suggestion = {
  id: 's1',
  paragraphId: 'p0',
  start: 8,
  end: 10,
  original: '됬다',
  replacement: '됐다',
  category: 'spelling',
  message: '‘되었다’의 준말은 ‘됐다’입니다.',
  messageEn: 'The contraction of 되었다 is 됐다.',
  rule: '한글 맞춤법 제35항',
  ruleId: 'spelling.dwaet',
  source: 'rule',
  confidence: 0.95,
};

describe('kernel/contract suggestion', () => {
  it('accepts a suggestion, with or without the optional rule fields, and a comment-only finding', () => {
    expect(z.parse(suggestionSchema, valid)).toEqual(valid);
    const { rule: _r, ruleId: _id, ...bare } = valid;
    expect(z.safeParse(suggestionSchema, bare).success).toBe(true);
    expect(z.safeParse(suggestionSchema, { ...valid, replacement: null }).success).toBe(true);
  });

  it.each([
    ['an unknown category', { category: 'poetry' }],
    ['an unknown source', { source: 'oracle' }],
    ['a negative offset', { start: -1 }],
    ['a fractional offset', { end: 9.5 }],
    ['end before start', { start: 10, end: 8 }],
    ['confidence above 1', { confidence: 1.5 }],
    ['a missing message', { message: undefined }],
    ['replacement undefined (null is the no-fix value)', { replacement: undefined }],
  ])('rejects %s', (_what, patch) => {
    expect(z.safeParse(suggestionSchema, { ...valid, ...patch }).success).toBe(false);
  });
});
