/**
 * The floor of bench:relay: the least any Node.js relay must do for one streamed summary,
 * with nothing of ours in it. HTTPS with the same certificates and the same node:https
 * server; read the POST body, JSON.parse it, take `text`; one upstream request over a
 * node:http keep-alive agent; the upstream event stream parsed with eventsource-parser and
 * re-sent as the relay's own events (`event: text` per piece, then `event: done`).
 *
 * No Express, no authentication, rate limit, validation, prompts, model gate, token
 * estimate, audit, metrics or access log: what the relay costs above this process is the
 * cost of those (and of how they are built); what this process costs is Node's own HTTP,
 * TLS and socket work, which no change to the relay's code can remove.
 *
 * Env: PORT, HOST, LLM_BASE_URL, BENCH_CERT_DIR (as relay-child). Prints `{"port": n}`;
 * answers the same IPC messages as relay-child (`cpu`, `rss`) through ../child-ipc (`serveLayer`).
 */
import http from 'node:http';
import { createParser } from 'eventsource-parser';
import { serveLayer } from '../child-ipc';

const upstream = new URL(`${(process.env.LLM_BASE_URL ?? '').replace(/\/+$/, '')}/chat/completions`);
const agent = new http.Agent({ keepAlive: true, maxSockets: Infinity, maxFreeSockets: 256, scheduling: 'lifo' });

/** The floor's whole work for one request, after the body was read: one upstream request, its events re-sent. */
export function streamSummary(text: string, res: http.ServerResponse): void {
  const payload = JSON.stringify({
    model: 'exaone',
    stream: true,
    messages: [
      { role: 'system', content: 'Summarise.' },
      { role: 'user', content: text },
    ],
  });
  const up = http.request(
    {
      method: 'POST',
      agent,
      hostname: upstream.hostname,
      port: upstream.port,
      path: upstream.pathname,
      headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) },
    },
    (answer) => {
      res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache' });
      const parser = createParser({
        onEvent: (e) => {
          if (e.data === '[DONE]') return;
          const piece = (JSON.parse(e.data) as { choices?: { delta?: { content?: string } }[] }).choices?.[0]?.delta?.content;
          if (piece) res.write(`event: text\ndata: ${JSON.stringify({ text: piece })}\n\n`);
        },
      });
      answer.setEncoding('utf8');
      answer.on('data', (chunk: string) => parser.feed(chunk));
      answer.on('end', () => res.end('event: done\ndata: {}\n\n'));
    },
  );
  up.on('error', () => res.destroy());
  up.end(payload);
}

/** Run as a benchmark child (not when imported by another layer). */
if (require.main === module)
  void serveLayer((req, res) => {
    if (req.method !== 'POST') {
      res.end('ok');
      return;
    }
    const parts: Buffer[] = [];
    req.on('data', (b: Buffer) => parts.push(b));
    req.on('end', () => {
      const body = JSON.parse(Buffer.concat(parts).toString('utf8')) as { text?: unknown };
      if (typeof body.text !== 'string') {
        res.writeHead(400).end();
        return;
      }
      streamSummary(body.text, res);
    });
  });
