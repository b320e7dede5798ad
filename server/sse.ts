/**
 * Server-Sent Events towards the pane. Which events a stream sends, and their data, is
 * the wire contract's (kernel/contract/events.ts): a stream is opened for one endpoint's
 * event map, and `send` accepts only those names with those shapes (a wrong event is a
 * compile error). A comment line every 15 s keeps proxies from closing a quiet stream.
 */
import type { Response } from 'express';
import type { ErrorEvent } from '../kernel/contract/events';
import { bindModelScope } from './limits/model-gate';

/** Event name → data type of one stream (e.g. ProofreadEventData). */
export type EventDataMap = { [event: string]: unknown };

export interface SseStream<E extends EventDataMap = { error: ErrorEvent }> {
  send<K extends keyof E & string>(event: K, data: E[K]): void;
  /** Ends the stream (no-op when the client already left). */
  end(): void;
  readonly closed: boolean;
}

/** The longest the SSE headers wait for the first event (see openSse). */
export const HEADERS_AT_LATEST_MS = 250;

export function openSse<E extends EventDataMap>(res: Response, heartbeatMs = 15_000): SseStream<E> {
  res.status(200).set({
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache, no-transform',
    'x-accel-buffering': 'no',
  });
  let closed = false;
  // The headers go out with the first event, in the same TLS write — or alone after
  // HEADERS_AT_LATEST_MS when the model is slow to answer, so the pane soon knows the stream
  // is open. Never at once: the route sends its upstream request first (a burst of requests
  // read in one turn all reach the model before any TLS write), and a fast first token
  // saves the relay one TLS write per request (bench:relay, issue 17).
  const opening = setTimeout(() => {
    if (!closed && !res.headersSent) res.flushHeaders();
  }, HEADERS_AT_LATEST_MS);
  opening.unref();
  const heartbeat = setInterval(() => {
    if (!closed) res.write(': keep-alive\n\n');
  }, heartbeatMs);
  heartbeat.unref();
  const stop = () => {
    closed = true;
    clearTimeout(opening);
    clearInterval(heartbeat);
  };
  res.on('close', stop);
  // The events of one event-loop turn (e.g. the tokens of one upstream chunk, or the last
  // token, `done` and the end) leave in one TLS write: the socket is corked at the turn's
  // first event and uncorked on process.nextTick (res.end() uncorks it fully itself).
  let corked = false;
  const uncork = () => {
    if (!corked) return;
    corked = false;
    res.uncork();
  };
  return {
    send(event, data) {
      if (closed) return;
      if (!corked) {
        corked = true;
        res.cork();
        process.nextTick(uncork);
      }
      res.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
    },
    end() {
      if (closed) return;
      stop();
      res.end();
      corked = false; // end() flushed the corked events with the end of the body in one write
    },
    get closed() {
      return closed;
    },
  };
}

/**
 * An AbortController that fires when the client goes away before the response ended — at
 * once when it already has (a route may call this after awaiting other work).
 */
export function abortOnClientClose(res: Response): AbortController {
  const controller = new AbortController();
  bindModelScope(res.locals, controller.signal);
  if (res.closed && !res.writableFinished) controller.abort();
  else
    res.on('close', () => {
      if (!res.writableFinished) controller.abort();
    });
  return controller;
}
