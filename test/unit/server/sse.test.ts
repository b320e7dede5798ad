/**
 * SSE towards the pane (server/sse.ts), over a real HTTP server and a raw TCP client that
 * records what arrives in which read: headers go out with the first event (or alone after
 * HEADERS_AT_LATEST_MS), and the events of one turn leave in one write.
 */
import express from 'express';
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { abortOnClientClose, HEADERS_AT_LATEST_MS, openSse } from '../../../server/sse';

type Script = (sse: ReturnType<typeof openSse<{ text: { text: string }; done: { ok: boolean } }>>) => void;

let server: Server;
let port = 0;
let script: Script = () => undefined;
/** What abortOnClientClose said when called after the client had already left. */
let lateAborted: boolean | undefined;

beforeAll(async () => {
  const app = express();
  app.post('/s', (_req, res) => script(openSse(res)));
  // A route still busy (e.g. offline rules) when the client leaves, asking afterwards.
  app.post('/late', (_req, res) => {
    res.once('close', () => setImmediate(() => (lateAborted = abortOnClientClose(res).signal.aborted)));
  });
  server = app.listen(0);
  await new Promise((r) => server.once('listening', r));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise((r) => server.close(r)));

/** Sends one request on a raw socket; resolves with every read (time since sending, text) until the body ended. */
function reads(): Promise<{ ms: number; text: string }[]> {
  return new Promise((resolve, reject) => {
    const out: { ms: number; text: string }[] = [];
    const t0 = performance.now();
    const socket = net.connect(port, '127.0.0.1', () => socket.write('POST /s HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\n'));
    socket.setEncoding('utf8');
    socket.on('data', (text: string) => {
      out.push({ ms: performance.now() - t0, text });
      if (
        out
          .map((r) => r.text)
          .join('')
          .endsWith('0\r\n\r\n')
      ) {
        socket.end();
        resolve(out);
      }
    });
    socket.on('error', reject);
  });
}

describe('openSse', () => {
  it('sends the headers with the first event when it comes before HEADERS_AT_LATEST_MS, in one write', async () => {
    script = (sse) =>
      setTimeout(() => {
        sse.send('text', { text: '가' });
        setTimeout(() => sse.end(), 50);
      }, 60);
    const got = await reads();
    expect(got[0]!.text).toMatch(
      /^HTTP\/1\.1 200 OK\r\n[\s\S]*content-type: text\/event-stream[\s\S]*\r\n\r\n[\s\S]*event: text\ndata: \{"text":"가"\}\n\n/i,
    );
    expect(got[0]!.ms).toBeGreaterThanOrEqual(50);
  });

  it('sends the headers alone after HEADERS_AT_LATEST_MS when the model is slow', async () => {
    script = (sse) =>
      setTimeout(() => {
        sse.send('text', { text: '나' });
        sse.end();
      }, HEADERS_AT_LATEST_MS + 400);
    const got = await reads();
    expect(got[0]!.text).toMatch(/^HTTP\/1\.1 200 OK[\s\S]*\r\n\r\n$/);
    expect(got[0]!.ms).toBeGreaterThanOrEqual(HEADERS_AT_LATEST_MS - 20);
    expect(got[0]!.ms).toBeLessThan(HEADERS_AT_LATEST_MS + 350);
    expect(
      got
        .slice(1)
        .map((r) => r.text)
        .join(''),
    ).toContain('event: text\ndata: {"text":"나"}');
  });

  it('sends the events of one turn, the last event and the end of the body in one write', async () => {
    script = (sse) =>
      setTimeout(() => {
        sse.send('text', { text: '하나' });
        setTimeout(() => {
          sse.send('text', { text: '둘' });
          sse.send('text', { text: '셋' });
          sse.send('done', { ok: true });
          sse.end();
        }, 80);
      }, 10);
    const got = await reads();
    expect(got).toHaveLength(2);
    expect(got[1]!.text).toMatch(/"둘"[\s\S]*"셋"[\s\S]*event: done[\s\S]*0\r\n\r\n$/);
  });
});

describe('abortOnClientClose', () => {
  it('is aborted at once when the client left before it was asked', async () => {
    lateAborted = undefined;
    const socket = net.connect(port, '127.0.0.1', () => socket.write('POST /late HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\n'));
    await new Promise((r) => setTimeout(r, 50));
    socket.destroy();
    const t0 = Date.now();
    while (lateAborted === undefined && Date.now() - t0 < 2000) await new Promise((r) => setTimeout(r, 10));
    expect(lateAborted).toBe(true);
  });
});
