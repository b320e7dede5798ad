/**
 * The workbench's relay calls against a stub of the two routes that follows the wire
 * contract in docs/API.md ("Documents") for .txt files: what the client sends (raw
 * bytes, octet-stream, the encoded file name; JSON with base64) and how it reads the
 * answers and the {code, message} errors (through the pane's API client).
 */
import { RelayError, setCredentialProvider } from '../../../../../addin/src/api/client';
import { applyToDocument, fromBase64, isOpenable, parseDocument, toBase64 } from '../../../../../addin/src/workbench/api';
import { EditLedger } from '../../../../../addin/src/workbench/ledger';

const LIMIT = 64 * 1024;
const seen: Array<{ path: string; headers: Record<string, string> }> = [];

function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });
}

/** The contract, for .txt: one paragraph per line, ids `p<i>`; apply patches the text. */
async function stub(url: string, init: RequestInit): Promise<Response> {
  const headers = Object.fromEntries(Object.entries((init.headers ?? {}) as Record<string, string>).map(([k, v]) => [k.toLowerCase(), v]));
  seen.push({ path: url, headers });
  if (init.method !== 'POST') return json(405, { code: 'METHOD', message: 'POST' });
  if (url === '/api/document/parse') {
    if (headers['content-type'] !== 'application/octet-stream')
      return json(415, { code: 'UNSUPPORTED_MEDIA_TYPE', message: 'octet-stream' });
    const bytes = new Uint8Array(init.body as ArrayBuffer);
    if (bytes.length > LIMIT) return json(413, { code: 'FILE_TOO_LARGE', message: '파일이 너무 큽니다 / too large' });
    const name = decodeURIComponent(headers['x-sseugi-filename'] ?? '');
    if (!name.endsWith('.txt')) return json(415, { code: 'UNSUPPORTED_FORMAT', message: '형식 / format' });
    const text = new TextDecoder().decode(bytes).normalize('NFC');
    return json(200, {
      format: 'txt',
      paragraphs: text.split('\n').map((t, i) => ({ id: `p${i}`, text: t, kind: 'body', location: { line: i } })),
      suggestedPack: 'official',
    });
  }
  if (url === '/api/document/apply') {
    if (headers['content-type'] !== 'application/json') return json(415, { code: 'UNSUPPORTED_MEDIA_TYPE', message: 'json' });
    const req = JSON.parse(String(init.body)) as {
      filename: string;
      file: string;
      mode: string;
      edits: Array<{ paragraphId: string; start: number; end: number; replacement: string }>;
    };
    if (req.mode === 'busy') return json(429, { code: 'RATE_LIMITED', message: 'slow down' }, { 'retry-after': '7' });
    const lines = new TextDecoder().decode(fromBase64(req.file)).split('\n');
    const sorted = [...req.edits].sort((a, b) => b.start - a.start);
    for (const e of sorted) {
      const i = Number(e.paragraphId.slice(1));
      lines[i] = lines[i]!.slice(0, e.start) + e.replacement + lines[i]!.slice(e.end);
    }
    const out = new TextEncoder().encode(lines.join('\n'));
    return json(200, {
      file: toBase64(out.buffer),
      filename: req.filename.replace(/\.txt$/, '-쓰기.txt'),
      mode: req.mode,
      applied: req.edits.length,
      skipped: [],
      notesWritten: 0,
    });
  }
  return json(404, { code: 'NOT_FOUND', message: 'no' });
}

beforeEach(() => {
  seen.length = 0;
  global.fetch = jest.fn(stub as unknown as typeof fetch);
});

describe('workbench API client', () => {
  it('parses a file: raw bytes as octet-stream with the encoded name', async () => {
    const bytes = new TextEncoder().encode('할수있는 일이 됬다.\n그 컨셉은 좋다.');
    const doc = await parseDocument('보도 자료 (최종).txt', bytes.buffer);
    expect(seen[0]!.headers['x-sseugi-filename']).toBe(encodeURIComponent('보도 자료 (최종).txt'));
    expect(doc.format).toBe('txt');
    expect(doc.suggestedPack).toBe('official');
    expect(doc.paragraphs.map((p) => p.text)).toEqual(['할수있는 일이 됬다.', '그 컨셉은 좋다.']);
  });

  it('round trip: the ledger of accepted edits patches the original bytes', async () => {
    const original = new TextEncoder().encode('할수있는 일이 됬다.\n그 컨셉은 좋다.');
    const doc = await parseDocument('a.txt', original.buffer);
    const ledger = new EditLedger(doc.paragraphs);
    ledger.addEdit(0, { suggestionId: '1', start: 0, end: 2, replacement: '할 수', message: '', shownAs: 'tracked' });
    const span = ledger.toParsed(0, 9, 11)!; // '됬다' in the current text '할 수있는 일이 됬다.'
    ledger.addEdit(0, { suggestionId: '2', ...span, replacement: '됐다', message: '', shownAs: 'tracked' });
    const res = await applyToDocument({ filename: 'a.txt', file: toBase64(original.buffer), mode: 'direct', ...ledger.toRequest() });
    expect(res.filename).toBe('a-쓰기.txt');
    expect(new TextDecoder().decode(fromBase64(res.file))).toBe('할 수있는 일이 됐다.\n그 컨셉은 좋다.');
    expect(seen[1]!.headers['content-type']).toBe('application/json');
  });

  it('turns {code, message} answers into RelayError with the code (and Retry-After)', async () => {
    await expect(parseDocument('a.pdf', new ArrayBuffer(4))).rejects.toMatchObject({ code: 'UNSUPPORTED_FORMAT', status: 415 });
    await expect(parseDocument('big.txt', new ArrayBuffer(LIMIT + 1))).rejects.toMatchObject({ code: 'FILE_TOO_LARGE', status: 413 });
    const busy = applyToDocument({ filename: 'a.txt', file: '', mode: 'busy' as 'direct', edits: [] });
    await expect(busy).rejects.toBeInstanceOf(RelayError);
    await expect(busy).rejects.toMatchObject({ code: 'RATE_LIMITED', retryAfterSec: 7 });
  });

  it('base64 survives files larger than one encoding slice', () => {
    const bytes = new Uint8Array(200_003).map((_, i) => (i * 31) % 256);
    const back = fromBase64(toBase64(bytes.buffer));
    expect(Buffer.from(back).equals(Buffer.from(bytes))).toBe(true);
    expect(toBase64(bytes.buffer)).toBe(Buffer.from(bytes).toString('base64'));
  });

  it('opens only the formats of the contract', () => {
    expect(['a.HWPX', 'b.hwp', 'c.docx', 'd.txt', 'e.md'].every(isOpenable)).toBe(true);
    expect(['a.pdf', 'b.doc', 'hwpx'].some(isOpenable)).toBe(false);
  });
  it("sends the pane's credential with both calls (the same client as every other route)", async () => {
    setCredentialProvider(async () => ({ authorization: 'Bearer test-key', cookie: 'never-sent' }));
    try {
      await parseDocument('a.txt', new TextEncoder().encode('글').buffer);
      await applyToDocument({ filename: 'a.txt', file: toBase64(new TextEncoder().encode('글').buffer), mode: 'direct', edits: [] });
      expect(seen.map((r) => r.headers.authorization)).toEqual(['Bearer test-key', 'Bearer test-key']);
      expect(seen.every((r) => r.headers.cookie === undefined)).toBe(true);
    } finally {
      setCredentialProvider(async () => ({}));
    }
  });
});
