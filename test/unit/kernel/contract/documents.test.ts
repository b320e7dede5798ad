import * as z from 'zod/mini';
import { APPLY_MODES, DOCUMENT_FORMATS, applyRequestSchema } from '../../../../kernel/contract/documents';
import { APPLY_MODES as SERVER_MODES, DOCUMENT_FORMATS as SERVER_FORMATS } from '../../../../server/documents/types';

const limits = { maxParagraphChars: 10, maxParagraphs: 1 };
const body = { filename: '보고서.hwpx', file: 'UEsDBA==', edits: [{ paragraphId: 's0p1', start: 0, end: 2, replacement: '됐다' }] };

describe('kernel/contract documents', () => {
  it('is the one list of formats and modes the relay uses', () => {
    expect(SERVER_MODES).toBe(APPLY_MODES);
    expect(SERVER_FORMATS).toBe(DOCUMENT_FORMATS);
  });

  it('accepts an apply body and defaults the mode to tracked changes', () => {
    expect(z.parse(applyRequestSchema(limits), body)).toEqual({ ...body, mode: 'tracked' });
    expect(z.parse(applyRequestSchema(limits), { ...body, mode: 'comment', author: '  김 주무관 ', notes: [] })).toMatchObject({
      mode: 'comment',
      author: '김 주무관',
    });
  });

  it.each([
    ['a file that is not base64', { file: '###' }, 'file: expected base64'],
    ['an empty file', { file: '' }, 'file: expected the file as base64'],
    ['an unknown mode', { mode: 'overwrite' }, 'mode'],
    ['a negative offset', { edits: [{ paragraphId: 'p', start: -1, end: 0, replacement: '' }] }, 'edits.0.start'],
    [
      'a replacement over the paragraph limit',
      { edits: [{ paragraphId: 'p', start: 0, end: 0, replacement: 'x'.repeat(11) }] },
      'edits.0.replacement',
    ],
    ['more edits than 10 per paragraph allowed', { edits: Array.from({ length: 11 }, () => body.edits[0]) }, 'edits'],
    ['an unknown field', { extra: true }, ''],
  ])('rejects %s', (_what, patch, where) => {
    const r = z.safeParse(applyRequestSchema(limits), { ...body, ...patch });
    expect(r.success).toBe(false);
    if (!r.success) {
      const issue = r.error.issues[0]!;
      expect(`${issue.path.join('.')}: ${issue.message}`.startsWith(where)).toBe(true);
    }
  });
});
