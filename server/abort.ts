/** Abort helpers shared by the tasks that make several model calls for one request. */
import { inheritModelScope } from './limits/model-gate';

/**
 * Runs `task` with a signal that follows `outer` and is also aborted as soon as the
 * task fails: a first failed call stops its sibling calls (queued and in flight)
 * instead of letting them run on for a response that has already ended.
 */
export async function withFailFast<T>(outer: AbortSignal | undefined, task: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const inner = new AbortController();
  inheritModelScope(inner.signal, outer);
  const follow = () => inner.abort(outer?.reason);
  if (outer?.aborted) follow();
  else outer?.addEventListener('abort', follow, { once: true });
  try {
    return await task(inner.signal);
  } catch (err) {
    inner.abort(err);
    throw err;
  } finally {
    outer?.removeEventListener('abort', follow);
  }
}
