/** The access log and request ids (server/observability/http-log.ts) on a real Express app over loopback HTTP. */
import http from 'node:http';
import { Socket, type AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import express from 'express';
import pino from 'pino';
import { accessLevel, createHttpLogger, requestLog } from '../../../../server/observability/http-log';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const CANARY = 'CANARY-본문-7f3a9c';
/** Header values are bytes: an ASCII canary there. */
const HEADER_CANARY = 'CANARY-header-51d0e2';
const ACCESS_KEYS = ['level', 'time', 'reqId', 'req', 'res', 'responseTime', 'msg'];

interface LogLine {
  level: number;
  reqId?: string;
  req?: { method: string; path: string };
  res?: { status: number };
  err?: { name: string };
  responseTime?: number;
  msg?: string;
  [key: string]: unknown;
}

interface Harness {
  port: number;
  raw: string[];
  lines(): LogLine[];
  access(): LogLine[];
  /** How many child loggers were made from the app's logger. */
  childCalls(): number;
  /** Resolves when the SSE route's response has closed (after the client left). */
  sseClosed: Promise<void>;
  close(): Promise<void>;
}

async function startApp(): Promise<Harness> {
  const raw: string[] = [];
  const dest = new Writable({
    write(chunk: Buffer, _enc, cb) {
      raw.push(chunk.toString('utf8'));
      cb();
    },
  });
  const logger = pino({ level: 'info', base: undefined }, dest);
  const child = jest.spyOn(logger, 'child');
  const app = express();
  app.use(createHttpLogger(logger));
  app.use(express.json());
  app.use((req, _res, next) => {
    if (req.path === '/warns') {
      requestLog(req)?.warn({ note: 'from middleware' }, 'middleware warning');
      requestLog(req)?.warn({ note: 'again' }, 'middleware warning');
    }
    next();
  });
  app.get('/ok', (_req, res) => {
    res.json({ ok: true });
  });
  app.get('/warns', (_req, res) => {
    res.json({ ok: true });
  });
  app.post('/echo', (req, res) => {
    res.json({ length: JSON.stringify(req.body).length });
  });
  app.get('/res-error', (_req, res) => {
    // What Node emits on a response it cannot write (e.g. write after end): logged as a failure, not thrown.
    res.emit('error', Object.assign(new Error(`write failed near ${CANARY}`), { code: 'ERR_STREAM_WRITE_AFTER_END' }));
    res.end();
  });
  app.get('/boom', () => {
    throw new Error(`handler failed near ${CANARY}`);
  });
  let sseClosedResolve!: () => void;
  const sseClosed = new Promise<void>((resolve) => (sseClosedResolve = resolve));
  app.get('/sse', (_req, res) => {
    res.status(200).setHeader('Content-Type', 'text/event-stream');
    res.flushHeaders();
    res.write('data: first\n\n'); // and never ends: the client leaves
    res.on('close', () => setImmediate(sseClosedResolve));
  });
  app.use((_req, res) => {
    res.status(404).json({ code: 'NOT_FOUND' });
  });
  app.use((_err: unknown, _req: express.Request, res: express.Response, _next: express.NextFunction) => {
    res.status(500).json({ code: 'INTERNAL' });
  });
  const server = http.createServer(app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const lines = () =>
    raw
      .join('')
      .trim()
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as LogLine);
  return {
    port: (server.address() as AddressInfo).port,
    raw,
    lines,
    access: () => lines().filter((l) => l.msg === 'request completed' || l.msg === 'request failed'),
    childCalls: () => child.mock.calls.length,
    sseClosed,
    close: () => {
      server.closeAllConnections();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

let app: Harness;
beforeEach(async () => {
  app = await startApp();
});
afterEach(() => app.close());

const url = (p: string) => `http://127.0.0.1:${app.port}${p}`;
/** The access line is written on `finish`, which can land just after the client has the body. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

describe('createHttpLogger', () => {
  it('gives every request a fresh UUID in X-Request-Id and ignores one the client sent', async () => {
    const a = await fetch(url('/ok'));
    const b = await fetch(url('/ok'), { headers: { 'X-Request-Id': 'client-chosen-id' } });
    const idA = a.headers.get('x-request-id');
    const idB = b.headers.get('x-request-id');
    expect(idA).toMatch(UUID);
    expect(idB).toMatch(UUID);
    expect(idB).not.toBe(idA);
    await settle();
    expect(app.access().map((l) => l.reqId)).toEqual([idA, idB]);
    expect(app.raw.join('')).not.toContain('client-chosen-id');
  });

  it('writes exactly one line per request with only the allow-listed fields, path without query string', async () => {
    const r = await fetch(url('/ok?q=secret-query&x=1#frag'));
    expect(r.status).toBe(200);
    await settle();
    const lines = app.lines();
    expect(lines).toHaveLength(1);
    const line = lines[0]!;
    expect(Object.keys(line)).toEqual(ACCESS_KEYS);
    expect(line).toMatchObject({ level: 30, req: { method: 'GET', path: '/ok' }, res: { status: 200 }, msg: 'request completed' });
    expect(Object.keys(line.req!)).toEqual(['method', 'path']);
    expect(Object.keys(line.res!)).toEqual(['status']);
    expect(Number.isInteger(line.responseTime)).toBe(true);
    expect(app.raw.join('')).not.toContain('secret-query');
  });

  it('never logs a request body or headers', async () => {
    const r = await fetch(url('/echo'), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${HEADER_CANARY}`, Cookie: `s=${HEADER_CANARY}` },
      body: JSON.stringify({ text: `문서 본문 ${CANARY}` }),
    });
    expect(r.status).toBe(200);
    await settle();
    expect(app.access()).toHaveLength(1);
    expect(app.raw.join('')).not.toContain(CANARY);
    expect(app.raw.join('')).not.toContain(HEADER_CANARY);
  });

  it('logs a 404 at warn with "request completed"', async () => {
    expect((await fetch(url('/nowhere'))).status).toBe(404);
    await settle();
    const [line] = app.access();
    expect(line).toMatchObject({ level: 40, res: { status: 404 }, msg: 'request completed' });
    expect(line).not.toHaveProperty('err');
  });

  it('logs a handler error at error with "request failed" and an err without its message', async () => {
    expect((await fetch(url('/boom'))).status).toBe(500);
    await settle();
    const lines = app.access();
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ level: 50, res: { status: 500 }, err: { name: 'Error' }, msg: 'request failed' });
    expect(Object.keys(lines[0]!)).toEqual(['level', 'time', 'reqId', 'req', 'res', 'err', 'responseTime', 'msg']);
    expect(app.raw.join('')).not.toContain(CANARY);
  });

  it('logs an error on the response at error with "request failed", its name and code only', async () => {
    expect((await fetch(url('/res-error'))).status).toBe(200);
    await settle();
    const lines = app.access();
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ level: 50, res: { status: 200 }, msg: 'request failed' });
    expect(lines[0]!.err).toEqual({ name: 'Error', code: 'ERR_STREAM_WRITE_AFTER_END', stack: expect.any(String) });
    expect(app.raw.join('')).not.toContain(CANARY);
  });

  it('writes exactly one line for an SSE response the client leaves mid-way', async () => {
    await new Promise<void>((resolve, reject) => {
      const req = http.get(url('/sse'), (res) => {
        res.once('data', () => {
          req.destroy();
          resolve();
        });
      });
      req.on('error', (err: NodeJS.ErrnoException) => (err.code === 'ECONNRESET' ? undefined : reject(err)));
    });
    await app.sseClosed;
    await settle();
    const lines = app.access();
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ level: 30, req: { method: 'GET', path: '/sse' }, res: { status: 200 }, msg: 'request completed' });
  });

  it('gives middleware a request logger that carries the reqId', async () => {
    const r = await fetch(url('/warns'));
    const id = r.headers.get('x-request-id');
    await settle();
    const warnings = app.lines().filter((l) => l.msg === 'middleware warning');
    expect(warnings).toEqual([
      expect.objectContaining({ level: 40, reqId: id, note: 'from middleware' }),
      expect.objectContaining({ level: 40, reqId: id, note: 'again' }),
    ]);
    expect(app.access()).toHaveLength(1);
  });
});

describe('requestLog', () => {
  it('is undefined when the access-log middleware did not run', () => {
    expect(requestLog(new http.IncomingMessage(new Socket()))).toBeUndefined();
  });

  it('creates the child logger only for requests that log, once per request', async () => {
    await fetch(url('/ok'));
    await fetch(url('/ok'));
    expect(app.childCalls()).toBe(0);
    await fetch(url('/warns'));
    expect(app.childCalls()).toBe(1);
  });
});

describe('accessLevel', () => {
  it.each([
    [200, undefined, 'info'],
    [304, undefined, 'info'],
    [404, undefined, 'warn'],
    [499, undefined, 'warn'],
    [500, undefined, 'error'],
    [503, undefined, 'error'],
    [200, new Error('socket'), 'error'],
  ])('status %i, error %p: %s', (status, err, level) => {
    expect(accessLevel(status, err)).toBe(level);
  });
});
