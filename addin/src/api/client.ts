/**
 * The pane's one client for the relay's API (same origin): every call — streams, JSON,
 * file bytes — gets the credential headers (same-origin paths only), the auth retry and
 * the relay's error mapping (code, status, Retry-After). Streams are Server-Sent Events
 * over a POST, framed by eventsource-parser and parsed with the wire contract's event
 * schemas (kernel/contract/events.ts), so handlers get typed events; `signal` cancels
 * end to end.
 */
import { taskSettled } from './task-events';
import { EventSourceParserStream } from 'eventsource-parser/stream';
import { STREAM_EVENTS, parseEvent, type EventOf, type StreamPath } from '../../../kernel/contract/events';

export class RelayError extends Error {
  constructor(
    readonly code: string,
    readonly status: number,
    message: string,
    readonly retryAfterSec?: number,
  ) {
    super(message);
    this.name = 'RelayError';
  }
}

/** A parsed event of the stream at `P` (by default: of any stream), `data` narrowed by `event`. */
export type StreamEvent<P extends StreamPath = StreamPath> = P extends StreamPath ? EventOf<(typeof STREAM_EVENTS)[P]> : never;

/** The code of a stream event that does not match the contract (the pane shows it as an error). */
export const BAD_EVENT = 'BAD_EVENT';

export type CredentialProvider = () => Promise<Record<string, string>>;

let credentialProvider: CredentialProvider = async () => ({});

/** Sets how requests get their credential headers (API key or SSO token). */
export function setCredentialProvider(p: CredentialProvider): void {
  credentialProvider = p;
}

async function failure(res: Response): Promise<RelayError> {
  let code = 'INTERNAL';
  let message = `HTTP ${res.status}`;
  try {
    const body = (await res.json()) as { code?: string; message?: string };
    code = body.code ?? code;
    message = body.message ?? message;
  } catch {
    /* not JSON */
  }
  const retryAfter = Number(res.headers.get('retry-after'));
  return new RelayError(code, res.status, message, Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : undefined);
}

/** Credential headers for a same-origin API path only (never sent to another origin). */
async function credentialHeaders(path: string): Promise<Record<string, string>> {
  if (!path.startsWith('/') || path.startsWith('//')) return {};
  try {
    const h = await credentialProvider();
    const out: Record<string, string> = {};
    for (const [k, v] of Object.entries(h)) if (/^(authorization|x-api-key)$/i.test(k) && v) out[k] = v;
    return out;
  } catch {
    return {}; // no credential: the relay answers AUTH_REQUIRED, which the pane explains
  }
}

export type AuthRetry = <T>(call: () => Promise<T>) => Promise<T>;

let authRetry: AuthRetry = (call) => call();

/** Sets how a request refused for its credential is retried (once, with a fresh token). */
export function setAuthRetry(r: AuthRetry): void {
  authRetry = r;
}

function request(path: string, init: RequestInit): Promise<Response> {
  return authRetry(async () => {
    const headers = { ...(init.headers as Record<string, string>), ...(await credentialHeaders(path)) };
    let res: Response;
    try {
      res = await fetch(path, { ...init, headers });
    } catch (err) {
      if ((err as Error).name === 'AbortError') throw err;
      throw new RelayError('NETWORK', 0, 'The relay cannot be reached.');
    }
    if (!res.ok) throw await failure(res);
    return res;
  });
}

export async function getJson<T>(path: string, signal?: AbortSignal): Promise<T> {
  const res = await request(path, { method: 'GET', signal });
  return (await res.json()) as T;
}

/**
 * POSTs JSON to a streaming endpoint and calls `onEvent` for each event until the stream
 * ends. An event this stream does not send is skipped (a newer relay); an event whose data
 * does not match its schema ends the stream with RelayError BAD_EVENT.
 */
export async function postStream<P extends StreamPath>(
  path: P,
  body: unknown,
  onEvent: (e: StreamEvent<P>) => void,
  signal?: AbortSignal,
): Promise<void> {
  try {
    await readStream(path, body, onEvent, signal);
  } finally {
    taskSettled();
  }
}

async function readStream<P extends StreamPath>(
  path: P,
  body: unknown,
  onEvent: (e: StreamEvent<P>) => void,
  signal?: AbortSignal,
): Promise<void> {
  const res = await request(path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
    body: JSON.stringify(body),
    signal,
  });
  if (!res.body) throw new RelayError('INTERNAL', res.status, 'Empty response');
  const schemas = STREAM_EVENTS[path];
  const reader = res.body.pipeThrough(new TextDecoderStream()).pipeThrough(new EventSourceParserStream()).getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      const parsed = parseEvent(schemas, value.event ?? 'message', value.data);
      if (parsed.ok) onEvent(parsed.value as StreamEvent<P>);
      else if (parsed.reason === 'invalid') throw new RelayError(BAD_EVENT, res.status, `${path}: ${parsed.message}`);
    }
  } catch (err) {
    if ((err as Error).name === 'AbortError') throw err;
    if (err instanceof RelayError) {
      await reader.cancel().catch(() => undefined);
      throw err;
    }
    throw new RelayError('NETWORK', 0, 'The connection to the relay was lost.');
  } finally {
    reader.releaseLock();
  }
}

/** POSTs JSON and returns the JSON answer (same auth retry and error mapping as streams). */
export async function postJson<T>(path: string, body: unknown, signal?: AbortSignal): Promise<T> {
  const res = await request(path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify(body),
    signal,
  });
  return (await res.json()) as T;
}

/** POSTs raw bytes (`application/octet-stream`) with extra headers and returns the JSON answer. */
export async function postBytes<T>(path: string, bytes: ArrayBuffer, headers: Record<string, string>, signal?: AbortSignal): Promise<T> {
  const res = await request(path, {
    method: 'POST',
    headers: { ...headers, 'content-type': 'application/octet-stream', accept: 'application/json' },
    body: bytes,
    signal,
  });
  return (await res.json()) as T;
}
