/**
 * The pane's client for the relay's API (same origin). Streams are Server-Sent
 * Events over a POST, parsed with eventsource-parser; `signal` cancels end to end.
 */
import { taskSettled } from './task-events';
import { EventSourceParserStream } from 'eventsource-parser/stream';

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

export interface StreamEvent {
  event: string;
  data: unknown;
}

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

/** POSTs JSON and calls `onEvent` for each SSE event until the stream ends. */
export async function postStream(
  path: string,
  body: unknown,
  onEvent: (e: StreamEvent) => void,
  signal?: AbortSignal,
): Promise<void> {
  try {
    await readStream(path, body, onEvent, signal);
  } finally {
    taskSettled();
  }
}

async function readStream(path: string, body: unknown, onEvent: (e: StreamEvent) => void, signal?: AbortSignal): Promise<void> {
  const res = await request(path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
    body: JSON.stringify(body),
    signal,
  });
  if (!res.body) throw new RelayError('INTERNAL', res.status, 'Empty response');
  const reader = res.body.pipeThrough(new TextDecoderStream()).pipeThrough(new EventSourceParserStream()).getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      let data: unknown = value.data;
      try {
        data = JSON.parse(value.data);
      } catch {
        /* keep the raw string */
      }
      onEvent({ event: value.event ?? 'message', data });
    }
  } catch (err) {
    if ((err as Error).name === 'AbortError') throw err;
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
