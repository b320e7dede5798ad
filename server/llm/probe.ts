/**
 * The one liveness probe of a model server, `GET {base}/models`: used by the pool to bring a
 * failed endpoint back (server/llm/pool.ts) and by /api/health (server/model-status.ts).
 */

export type ProbeCode = 'PROBE_HTTP_ERROR' | 'PROBE_TIMEOUT' | 'PROBE_UNREACHABLE';

export interface ProbeFailure {
  code: ProbeCode;
  /** For /api/health: `HTTP <status>`, `timeout` or `unreachable`. */
  detail: string;
}

/** How a thrown fetch error reads as a probe failure. */
export function probeFailureOf(err: unknown): ProbeFailure {
  return (err as Error)?.name === 'TimeoutError'
    ? { code: 'PROBE_TIMEOUT', detail: 'timeout' }
    : { code: 'PROBE_UNREACHABLE', detail: 'unreachable' };
}

/** null when the server answered with a 2xx status; never throws. */
export async function probeModels(baseUrl: string, apiKey: string | undefined, signal: AbortSignal): Promise<ProbeFailure | null> {
  const headers: Record<string, string> = apiKey ? { authorization: `Bearer ${apiKey}` } : {};
  try {
    const res = await fetch(`${baseUrl.replace(/\/+$/, '')}/models`, { headers, signal });
    await res.arrayBuffer().catch(() => undefined);
    return res.ok ? null : { code: 'PROBE_HTTP_ERROR', detail: `HTTP ${res.status}` };
  } catch (err) {
    return probeFailureOf(err);
  }
}
