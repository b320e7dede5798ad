import * as z from 'zod/mini';
import {
  doctypeRequestSchema,
  documentText,
  draftRequestSchema,
  proofreadRequestSchema,
  rewriteRequestSchema,
  summarizeRequestSchema,
} from '../../../../kernel/contract/requests';

const MAX = 100;
/** The first issue as the relay reports it: "path: message". */
function firstIssue(schema: z.ZodMiniType, body: unknown): string | null {
  const r = z.safeParse(schema, body);
  if (r.success) return null;
  const issue = r.error.issues[0]!;
  return `${issue.path.join('.') || 'body'}: ${issue.message}`;
}

describe('kernel/contract requests', () => {
  it('documentText normalises to NFC, keeps whitespace, refuses lone surrogates and long texts', () => {
    const decomposed = '\u1112\u1161\u11AB \n'; // 한 as jamo, then a space and a newline
    expect(z.parse(documentText(MAX), decomposed)).toBe('한 \n');
    expect(firstIssue(documentText(MAX), 'a\uD800b')).toBe('body: contains invalid (unpaired surrogate) characters');
    expect(firstIssue(documentText(MAX), 'x'.repeat(MAX + 1))).toBe(`body: expected at most ${MAX} characters`);
    expect(firstIssue(documentText(MAX), 42)).toBe('body: expected a string');
  });

  it('proofread: fills the default options and checks paragraphs', () => {
    const schema = proofreadRequestSchema(MAX);
    expect(z.parse(schema, { paragraphs: [{ id: 'p0', text: '가' }] })).toEqual({
      paragraphs: [{ id: 'p0', text: '가' }],
      options: { pack: 'general', model: true, recommendations: false },
    });
    expect(z.parse(schema, { paragraphs: [{ id: 'p0', text: '가' }], options: { pack: 'patent' } }).options).toEqual({
      pack: 'patent',
      model: true,
      recommendations: false,
    });
    expect(firstIssue(schema, { paragraphs: [] })).toBe('paragraphs: expected at least one paragraph');
    expect(firstIssue(schema, { paragraphs: 'x' })).toBe('paragraphs: expected an array of {id, text}');
    expect(firstIssue(schema, { paragraphs: [{ id: '', text: '가' }] })).toBe('paragraphs.0.id: expected a non-empty id');
    expect(
      firstIssue(schema, {
        paragraphs: [
          { id: 'a', text: '가' },
          { id: 'a', text: '나' },
        ],
      }),
    ).toBe('paragraphs: paragraph ids must be unique');
    expect(z.safeParse(schema, { paragraphs: [{ id: 'p0', text: '가' }], options: { pack: 'poetry' } }).success).toBe(false);
    expect(z.safeParse(schema, { paragraphs: [{ id: 'p0', text: '가', extra: 1 }] }).success).toBe(false);
  });

  it('summarize: defaults, trimmed focus, refuses a blank text', () => {
    const schema = summarizeRequestSchema(MAX);
    expect(z.parse(schema, { text: '본문', options: { focus: '  일정  ' } }).options).toEqual({
      length: 'short',
      form: 'paragraph',
      focus: '일정',
    });
    expect(z.parse(schema, { text: '본문' }).options).toEqual({ length: 'short', form: 'paragraph' });
    expect(firstIssue(schema, { text: '  \n ' })).toBe('text: expected some text to summarise');
    expect(z.safeParse(schema, { text: '본문', options: { length: 'epic' } }).success).toBe(false);
  });

  it('draft: template ids are the kernel ids; the instruction is trimmed and required', () => {
    const schema = draftRequestSchema(MAX);
    expect(z.parse(schema, { instruction: '  메일  ', template: 'email' })).toEqual({ instruction: '메일', template: 'email' });
    expect(firstIssue(schema, { instruction: '   ' })).toBe('instruction: expected an instruction');
    expect(firstIssue(schema, { instruction: 'x', template: 'sonnet' })).toMatch(
      /^template: expected one of official-letter, .*contract-clause$/,
    );
  });

  it("rewrite: style 'free' needs an instruction", () => {
    const schema = rewriteRequestSchema(MAX);
    expect(z.parse(schema, { text: '글', style: 'free', instruction: '더 짧게' }).style).toBe('free');
    expect(firstIssue(schema, { text: '글', style: 'free' })).toBe("instruction: expected an instruction for style 'free'");
    expect(firstIssue(schema, { text: '글', style: 'poetic' })).toMatch(/^style: expected one of formal, concise/);
    expect(firstIssue(schema, { text: ' ', style: 'plain' })).toBe('text: expected some text to rewrite');
  });

  it('doctype: an array of texts', () => {
    const schema = doctypeRequestSchema(MAX);
    expect(z.parse(schema, { paragraphs: ['가', '나'] })).toEqual({ paragraphs: ['가', '나'] });
    expect(firstIssue(schema, { paragraphs: 'x' })).toBe('paragraphs: expected an array of strings');
  });
});
