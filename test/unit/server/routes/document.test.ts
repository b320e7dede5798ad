/**
 * POST /api/document/parse and /api/document/apply on the real relay over HTTPS: the
 * workbench contract (docs/API.md "Documents"), its errors as {code, message} in Korean and
 * English, authentication like every /api route, and an audit record without content.
 */
import fc from 'fast-check';
import { openHwpx } from '../../../../server/documents/hwpx';
import { httpsRequest, postJson, startTestRelay, type TestRelay, startKeyedRelay } from '../../../helpers/relay';
import { readHwpx } from '../../../helpers/documents';

const parse = (relay: TestRelay, bytes: Uint8Array | Buffer, filename: string, headers: Record<string, string> = {}) =>
  httpsRequest(relay, 'POST', '/api/document/parse', {
    body: Buffer.from(bytes),
    headers: { 'content-type': 'application/octet-stream', 'x-sseugi-filename': encodeURIComponent(filename), ...headers },
  });

describe('document API', () => {
  let relay: TestRelay;
  beforeAll(async () => {
    relay = await startTestRelay({ LLM_BASE_URL: 'http://127.0.0.1:9/v1', MAX_DOCUMENT_BYTES: '300000' });
  }, 60_000);
  afterAll(async () => relay?.close());

  it('parse → apply (tracked) → the patched file re-opens with the change tracked by the given author; nothing of the text in the logs', async () => {
    const bytes = readHwpx('public-data-standard.hwpx');
    const res = await parse(relay, bytes, '공공데이터 표준.hwpx');
    expect(res.status).toBe(200);
    const parsed = JSON.parse(res.body) as {
      format: string;
      paragraphs: { id: string; text: string; kind: string; location: Record<string, unknown> }[];
      suggestedPack?: string;
    };
    expect(parsed.format).toBe('hwpx');
    const cell = parsed.paragraphs.find((p) => p.text.includes('2023.5.18.'))!;
    expect(cell).toMatchObject({ kind: 'cell', location: { section: 0, table: 0, row: 0, col: 0, paragraph: 0 } });
    const start = cell.text.indexOf('2023.5.18.');
    const applied = await postJson(relay, '/api/document/apply', {
      filename: '공공데이터 표준.hwpx',
      file: Buffer.from(bytes).toString('base64'),
      mode: 'tracked',
      author: '홍길동',
      edits: [
        { paragraphId: cell.id, start, end: start + 10, replacement: '2023. 5. 18.' },
        { paragraphId: cell.id, start: 0, end: 999, replacement: 'x' },
      ],
      notes: [{ paragraphId: cell.id, start: 0, end: 2, message: '확인 필요' }],
    });
    expect(applied.status).toBe(200);
    const out = JSON.parse(applied.body) as {
      file: string;
      filename: string;
      mode: string;
      applied: number;
      skipped: unknown[];
      notesWritten: number;
      notesReport?: string[];
    };
    expect(out).toMatchObject({ filename: '공공데이터 표준-교정.hwpx', mode: 'tracked', applied: 1, notesWritten: 0 });
    expect(out.skipped).toEqual([{ paragraphId: cell.id, start: 0, end: 999, reason: 'offsets outside the paragraph' }]);
    expect(out.notesReport).toHaveLength(1);
    const again = await openHwpx(new Uint8Array(Buffer.from(out.file, 'base64')));
    expect(again.paragraphs.find((p) => p.id === cell.id)!.text).toBe(cell.text.replace('2023.5.18.', '2023. 5. 18.'));
    expect(again.trackedChanges().map((c) => [c.type, c.text, c.author])).toEqual([
      ['Delete', '2023.5.18.', '홍길동'],
      ['Insert', '2023. 5. 18.', '홍길동'],
    ]);
    const logs = relay.logs.join('');
    expect(logs).toMatch(/"task":"document-parse"[^\n]*"outcome":"ok"/);
    expect(logs).toMatch(/"task":"document-apply"[^\n]*"outcome":"ok"/);
    expect(logs).not.toContain('2023.5.18');
    expect(logs).not.toContain('대중교통');
  });

  it('ids are stable for the same bytes', async () => {
    const bytes = readHwpx('table.hwpx');
    const [a, b] = await Promise.all([parse(relay, bytes, 'a.hwpx'), parse(relay, bytes, 'b.hwpx')]);
    expect(JSON.parse(a.body).paragraphs).toEqual(JSON.parse(b.body).paragraphs);
  });

  it.each([
    ['a .pdf', Buffer.from('%PDF-1.4'), 'x.pdf', 415, 'UNSUPPORTED_FORMAT'],
    ['a .docx that is an HWPX', readHwpx('sample1.hwpx'), 'x.docx', 415, 'UNSUPPORTED_FORMAT'],
    ['a truncated .hwpx', readHwpx('sample1.hwpx').subarray(0, 5000), 'x.hwpx', 422, 'FILE_CORRUPT'],
    ['random bytes named .hwp', Buffer.from('not an ole2 file at all'), 'x.hwp', 422, 'FILE_CORRUPT'],
    [
      'an OLE2 (encrypted) .docx',
      Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]),
      'x.docx',
      422,
      'FILE_ENCRYPTED',
    ],
    ['an empty body', Buffer.alloc(0), 'x.hwpx', 422, 'FILE_CORRUPT'],
    ['a file over MAX_DOCUMENT_BYTES', Buffer.alloc(300_001, 1), 'x.hwpx', 413, 'FILE_TOO_LARGE'],
  ])('%s → its 4xx code with a Korean + English message', async (_what, bytes, name, status, code) => {
    const res = await parse(relay, bytes, name);
    expect(res.status).toBe(status);
    const body = JSON.parse(res.body) as { code: string; message: string };
    expect(body.code).toBe(code);
    expect(body.message).toMatch(/[가-힣].* \/ [A-Z]/);
  });

  it('a missing file name or a non-octet-stream body is a 4xx {code, message}', async () => {
    const noName = await httpsRequest(relay, 'POST', '/api/document/parse', {
      body: Buffer.from('x'),
      headers: { 'content-type': 'application/octet-stream' },
    });
    expect(noName.status).toBe(400);
    const badName = await parse(relay, Buffer.from('x'), 'x.txt', { 'x-sseugi-filename': '%E0%A4%A' });
    expect(JSON.parse(badName.body).code).toBe('INVALID_REQUEST');
    const json = await postJson(relay, '/api/document/parse', {});
    expect(json.status).toBe(415);
    const badApply = await postJson(relay, '/api/document/apply', { filename: 'x.hwpx', file: '@@', mode: 'tracked', edits: [] });
    expect(badApply.status).toBe(400);
  });

  it('corrupted real files never crash the relay: every answer is 200 or a 4xx {code, message}', async () => {
    const sources = ['sample1.hwpx', 'table.hwpx'].map(readHwpx);
    await fc.assert(
      fc.asyncProperty(
        fc.nat(sources.length - 1),
        fc.array(fc.tuple(fc.nat(), fc.nat(255)), { minLength: 1, maxLength: 20 }),
        fc.boolean(),
        async (which, flips, truncate) => {
          const bytes = Buffer.from(sources[which]!);
          for (const [at, v] of flips) bytes[at % bytes.length] = v;
          const body = truncate ? bytes.subarray(0, flips[0]![0] % bytes.length) : bytes;
          const res = await parse(relay, body, 'fuzz.hwpx');
          if (res.status !== 200) {
            expect(res.status).toBeGreaterThanOrEqual(400);
            expect(res.status).toBeLessThan(500);
            expect(JSON.parse(res.body)).toEqual({ code: expect.any(String), message: expect.any(String) });
          }
        },
      ),
      { numRuns: 150 },
    );
    expect(relay.logs.join('')).not.toContain('unhandled error');
  }, 120_000);
});

describe('document API behind authentication', () => {
  it('needs a key like every other /api route', async () => {
    const { relay, key } = await startKeyedRelay({ LLM_BASE_URL: 'http://127.0.0.1:9/v1' });
    try {
      const bytes = readHwpx('sample1.hwpx');
      expect((await parse(relay, bytes, 'a.hwpx')).status).toBe(401);
      const ok = await parse(relay, bytes, 'a.hwpx', { 'x-api-key': key });
      expect(ok.status).toBe(200);
      expect(relay.logs.join('')).toMatch(/"principal":"alice"[^\n]*"task":"document-parse"/);
    } finally {
      await relay.close();
    }
  }, 60_000);
});
