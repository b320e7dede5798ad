/**
 * Fuzzing every API route (enumerated from the Express router stack) and unknown paths
 * with malformed requests: invalid JSON, wrong types, huge strings, deep nesting, lone
 * surrogates, control characters, wrong content types, missing and duplicated fields.
 * No 5xx, no crash, every 4xx carries {code, message}. Requests that are valid enough
 * to reach the model hit a fast fake.
 *
 * Size: FUZZ_RUNS requests (default 10,000).
 */
import https from 'node:https';
import fc from 'fast-check';
import { mintApiKey } from '../../server/auth/apikey';
import { startFakeLlm, type FakeLlm } from '../helpers/fake-llm';
import { startTestRelay, type TestRelay } from '../helpers/relay';
import { LOAD_ENV } from './helpers';
import { apiRoutes, type ApiRoute } from '../helpers/api-routes';

const TOTAL = Number(process.env.FUZZ_RUNS ?? 10_000);
const BATCH = 50;
const MAX_BODY_BYTES = 200_000;

interface FuzzRequest {
  method: string;
  path: string;
  contentType?: string;
  body?: string | Buffer;
  /** With AUTH_MODE=apikey: which credential the request carries. */
  credential?: 'valid' | 'wrong' | 'malformed' | 'none';
  /** X-Forwarded-For (honoured with TRUST_PROXY). */
  forwardedFor?: string;
}

interface FuzzResult {
  status: number;
  contentType: string;
  body: string;
}

const FIELDS = [
  'text',
  'paragraphs',
  'options',
  'id',
  'instruction',
  'template',
  'style',
  'pack',
  'model',
  'categories',
  'register',
  'kind',
  'fields',
  'prompt',
  'messages',
  'filename',
  'file',
  'mode',
  'edits',
  'notes',
  '__proto__',
  'constructor',
];

const control = fc.constantFrom('\u0000', '\u0001', '\u0007', '\b', '\u001b', '\u007f', '\u0085', '\u2028', '\u2029', '\ufeff', '\r', '\t');
const loneSurrogate = fc.constantFrom('\ud800', '\udbff', '\udc00', '\udfff', 'a\ud83d', '\ude00b');
const weirdString = fc
  .array(
    fc.oneof(fc.string({ maxLength: 8 }), control, loneSurrogate, fc.constantFrom('됬다', '몇일', ' ', '\n\n', '<document>', '{{', '"')),
    {
      maxLength: 12,
    },
  )
  .map((a) => a.join(''));
const hugeString = fc.constantFrom(3_000, 25_000, 150_000, 250_000).map((n) => '가'.repeat(n));

/** Values of any type, nested a little; strings are the weird kind. */
const anyValue: fc.Arbitrary<unknown> = fc.letrec<{ v: unknown }>((tie) => ({
  v: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    weirdString,
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('v'), { maxLength: 4 }),
    fc.dictionary(fc.constantFrom(...FIELDS, 'x', ''), tie('v'), { maxKeys: 4 }),
  ),
})).v;

/** Plausible bodies: the known fields with right and wrong types. */
const plausibleBody = fc.oneof(
  fc.record({ text: fc.oneof(weirdString, hugeString, anyValue) }, { requiredKeys: [] }),
  fc.record(
    {
      paragraphs: fc.oneof(
        fc.array(
          fc.record({ id: fc.oneof(fc.string({ maxLength: 5 }), anyValue), text: fc.oneof(weirdString, anyValue) }, { requiredKeys: [] }),
          { maxLength: 4 },
        ),
        fc.array(weirdString, { maxLength: 4 }),
        anyValue,
      ),
      options: fc.oneof(
        fc.constant({ model: false }),
        fc.record({ pack: anyValue, model: anyValue, categories: anyValue }, { requiredKeys: [] }),
        anyValue,
      ),
    },
    { requiredKeys: [] },
  ),
  fc.record(
    {
      instruction: fc.oneof(weirdString, anyValue),
      template: anyValue,
      style: fc.oneof(fc.constantFrom('formal', 'concise', 'free', 'plain'), anyValue),
      text: fc.oneof(weirdString, anyValue),
    },
    { requiredKeys: [] },
  ),
  fc.dictionary(fc.constantFrom(...FIELDS), anyValue, { maxKeys: 6 }),
);

/** Bodies that are valid enough to reach the model (the fast fake answers). */
const validBody = fc.oneof(
  fc.string({ minLength: 1, maxLength: 40 }).map((s) => ({ text: `회의 ${s}` })),
  fc.constant({ paragraphs: [{ id: 'p0', text: '그 일이 됬다.' }] }),
  fc.constant({ paragraphs: ['계약서', '제1조'] }),
  fc.constant({ instruction: '보고서 초안', text: '내용' }),
  fc.constant({ text: '문장을 다듬어 주세요.', style: 'formal' }),
);

const deepNesting = fc.tuple(fc.integer({ min: 50, max: 20_000 }), fc.constantFrom('[', '{"a":', '{"text":')).map(([n, open]) => {
  const close = open === '[' ? ']' : '}';
  return open.repeat(n) + '1' + close.repeat(n);
});

/** Raw JSON text: broken, duplicated keys, escaped lone surrogates, control characters. */
const rawJson = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.constantFrom(
    '',
    '{',
    '{"text":',
    '{"text":"a"',
    '[',
    'null',
    'true',
    '0',
    '"text"',
    '{"text":"a"}}',
    "{'text':'a'}",
    '{"text":"\\ud800"}',
    '{"text":"\\udc00\\ud800"}',
    '{"text":"a\\u0000b"}',
    '{"text":"\u0001\u0002"}',
    '{"text":NaN}',
    '{"text":1e999}',
    '{"text":"\\x41"}',
  ),
  fc
    .tuple(fc.constantFrom(...FIELDS), anyValue, anyValue)
    .map(([k, a, b]) => `{"${k}":${JSON.stringify(a) ?? 'null'},"${k}":${JSON.stringify(b) ?? 'null'}}`),
  fc.tuple(plausibleBody, fc.nat()).map(([b, cut]) => {
    const s = JSON.stringify(b);
    return s.slice(0, cut % (s.length + 1));
  }),
  deepNesting,
);

const invalidUtf8 = fc.constantFrom(
  Buffer.from([0x7b, 0x22, 0x74, 0x65, 0x78, 0x74, 0x22, 0x3a, 0x22, 0xed, 0xa0, 0x80, 0x22, 0x7d]), // {"text":"<CESU surrogate>"}
  Buffer.from([0x7b, 0x22, 0x74, 0x65, 0x78, 0x74, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d]),
  Buffer.from([0xef, 0xbb, 0xbf, 0x7b, 0x7d]), // BOM + {}
  Buffer.from([0xc3]),
);

const contentType = fc.oneof(
  { weight: 6, arbitrary: fc.constant('application/json') },
  {
    weight: 3,
    arbitrary: fc.constantFrom(
      undefined,
      'text/plain',
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=x',
      'application/json; charset=latin1',
      'application/json; charset=utf-16',
      'application/jsonx',
      'application/*',
      '',
      'application/json; charset=utf-8',
      'text/json',
      'application/problem+json',
      'application/octet-stream',
    ),
  },
);

function fuzzRequest(routes: ApiRoute[]): fc.Arbitrary<FuzzRequest> {
  const concrete = (p: string) => p.replace(/:([A-Za-z_]+)/g, 'x');
  const route = fc.constantFrom(...routes);
  const unknownPath = fc.oneof(
    fc.string({ maxLength: 12 }).map((s) => `/api/${encodeURIComponent(s)}`),
    fc.constantFrom(
      '/api',
      '/api/',
      '/api//summarize',
      '/api/summarize/x',
      '/api/%ff',
      '/api/..%2fmanifest.xml',
      '/api/health?x=%zz',
      '/api/SUMMARIZE',
      '/api/proofread/',
    ),
  );
  const body: fc.Arbitrary<string | Buffer | undefined> = fc.oneof(
    { weight: 4, arbitrary: plausibleBody.map((b) => JSON.stringify(b)) },
    { weight: 3, arbitrary: rawJson },
    { weight: 1, arbitrary: validBody.map((b) => JSON.stringify(b)) },
    { weight: 1, arbitrary: anyValue.map((v) => JSON.stringify(v) ?? 'undefined') },
    { weight: 1, arbitrary: invalidUtf8 },
    { weight: 1, arbitrary: fc.constant(undefined) },
  );
  return fc.oneof(
    {
      weight: 8,
      arbitrary: fc.record({ r: route, body, contentType, odd: fc.boolean() }).map(({ r, body, contentType, odd }) => ({
        method: odd && r.method === 'GET' ? 'POST' : r.method,
        path: concrete(r.path),
        body,
        contentType,
      })),
    },
    {
      weight: 1,
      arbitrary: fc
        .record({ r: route, method: fc.constantFrom('PUT', 'DELETE', 'PATCH', 'OPTIONS', 'HEAD', 'GET', 'POST'), body })
        .map(({ r, method, body }) => ({ method, path: concrete(r.path), body, contentType: 'application/json' })),
    },
    { weight: 1, arbitrary: fc.record({ path: unknownPath, method: fc.constantFrom('GET', 'POST', 'DELETE'), body, contentType }) },
  );
}

/**
 * Two relays: open (AUTH_MODE=none), and with the limits of issue 13 in place — API keys,
 * a small failed-credential limit, TRUST_PROXY with random X-Forwarded-For, short request
 * timeouts, a connection cap. With limits, a request carrying the valid key is never
 * refused (401/429) whatever other requests from its address did.
 */
const WITH_LIMITS = {
  AUTH_MODE: 'apikey',
  AUTH_FAILURES_PER_MIN: '5',
  TRUST_PROXY: 'loopback',
  REQUEST_TIMEOUT_MS: '10000',
  HEADERS_TIMEOUT_MS: '5000',
  MAX_CONNECTIONS: String(BATCH * 4),
};

describe.each([
  ['open', {} as Record<string, string>],
  ['with auth and the limits of issue 13', WITH_LIMITS],
])('fuzzing the API (%s)', (_name, extraEnv) => {
  let fake: FakeLlm;
  let relay: TestRelay;
  let agent: https.Agent;
  let validKey = '';
  const limited = extraEnv.AUTH_MODE === 'apikey';

  beforeAll(async () => {
    fake = await startFakeLlm();
    const minted = await mintApiKey('fuzzer');
    validKey = minted.key;
    relay = await startTestRelay({
      ...LOAD_ENV,
      LLM_BASE_URL: fake.url,
      MAX_BODY_BYTES: String(MAX_BODY_BYTES),
      MAX_TEXT_CHARS: '20000',
      LOG_LEVEL: 'error',
      ...extraEnv,
      ...(limited ? { API_KEYS: minted.entry } : {}),
    });
    agent = new https.Agent({ keepAlive: true, maxSockets: BATCH, ca: relay.ca });
  });
  const withCredential = (routes: ApiRoute[]): fc.Arbitrary<FuzzRequest> =>
    limited
      ? fc
          .record({
            r: fuzzRequest(routes),
            credential: fc.constantFrom('valid', 'valid', 'wrong', 'malformed', 'none') as fc.Arbitrary<FuzzRequest['credential']>,
            forwardedFor: fc.option(fc.constantFrom('10.0.0.1', '10.0.0.2', '2001:db8::1', 'not-an-ip', '10.0.0.3, 10.0.0.4', ''), {
              nil: undefined,
            }),
          })
          .map(({ r, credential, forwardedFor }) => ({ ...r, credential, forwardedFor }))
      : fuzzRequest(routes);
  afterAll(async () => {
    agent?.destroy();
    await relay?.close();
    await fake?.close();
  });

  function send(r: FuzzRequest): Promise<FuzzResult> {
    return new Promise((resolve, reject) => {
      const headers: Record<string, string | number> = {};
      if (r.contentType !== undefined) headers['content-type'] = r.contentType;
      if (r.credential === 'valid') headers['x-api-key'] = validKey;
      if (r.credential === 'wrong') headers['x-api-key'] = `${validKey.slice(0, -4)}AAAA`;
      if (r.credential === 'malformed') headers['authorization'] = 'Bearer x.y';
      if (r.forwardedFor !== undefined) headers['x-forwarded-for'] = r.forwardedFor;
      const body = r.method === 'GET' || r.method === 'HEAD' ? undefined : r.body;
      if (body !== undefined) headers['content-length'] = Buffer.byteLength(body);
      const req = https.request({ host: 'localhost', port: relay.port, method: r.method, path: r.path, agent, headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            contentType: String(res.headers['content-type'] ?? ''),
            body: Buffer.concat(chunks).toString('utf8'),
          }),
        );
        res.on('error', reject);
      });
      req.setTimeout(15_000, () => req.destroy(new Error(`no answer in 15 s: ${r.method} ${r.path}`)));
      req.on('error', reject);
      req.end(body);
    });
  }

  function check(r: FuzzRequest, res: FuzzResult): void {
    const where = `${r.method} ${r.path} (${r.contentType}) -> ${res.status} ${res.body.slice(0, 200)}`;
    if (res.status >= 500) throw new Error(`5xx: ${where}`);
    if (r.credential === 'valid' && r.path.startsWith('/api') && (res.status === 401 || res.status === 429))
      throw new Error(`valid key refused: ${where}`);
    if (res.status >= 400 && r.method !== 'HEAD' && r.path.startsWith('/api')) {
      let parsed: { code?: unknown; message?: unknown };
      try {
        parsed = JSON.parse(res.body) as typeof parsed;
      } catch {
        throw new Error(`4xx without JSON: ${where}`);
      }
      if (typeof parsed.code !== 'string' || typeof parsed.message !== 'string') throw new Error(`4xx without {code, message}: ${where}`);
    }
    if (res.contentType.startsWith('text/event-stream')) {
      for (const block of res.body.split('\n\n')) {
        if (!block.startsWith('event: error')) continue;
        const data = JSON.parse(block.split('\ndata: ')[1] ?? '{}') as { code?: unknown; message?: unknown };
        if (typeof data.code !== 'string' || typeof data.message !== 'string')
          throw new Error(`SSE error without {code, message}: ${where}`);
      }
    }
  }

  it('lists the API routes from the router stack', () => {
    const routes = apiRoutes(relay.server).map((r) => `${r.method} ${r.path}`);
    expect(routes).toEqual(
      expect.arrayContaining([
        'GET /api/health',
        'POST /api/summarize',
        'POST /api/proofread',
        'POST /api/document/parse',
        'POST /api/document/apply',
      ]),
    );
  });

  it(`survives ${TOTAL} malformed requests: no 5xx, every 4xx is {code, message}`, async () => {
    const routes = apiRoutes(relay.server);
    const statuses = new Map<number, number>();
    let sent = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(withCredential(routes), { minLength: BATCH, maxLength: BATCH }), async (reqs) => {
        const results = await Promise.all(reqs.map((r) => send(r)));
        reqs.forEach((r, i) => check(r, results[i]!));
        for (const res of results) statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
        sent += reqs.length;
      }),
      { numRuns: Math.ceil(TOTAL / BATCH), seed: process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined },
    );
    expect(sent).toBeGreaterThanOrEqual(TOTAL);
    // The relay still serves.
    const health = await send({ method: 'GET', path: '/api/health', credential: 'valid' });
    expect(health.status).toBe(200);
    expect(fake.requests.length).toBeGreaterThan(0); // some requests were valid enough to reach the model
    expect(relay.logs.join('')).not.toContain('unhandled error');
    if (limited) expect(statuses.get(429) ?? 0).toBeGreaterThan(0); // the failure limit did engage
    console.log(`fuzz: ${sent} requests over ${routes.length} routes; statuses`, Object.fromEntries(statuses));
  }, 300_000);
});
