/**
 * "A task just finished" (succeeded, failed or was stopped): the relay status listens to
 * re-check /api/health at once, so the banner never says "connected" while tasks fail.
 */
const listeners = new Set<() => void>();

export function onTaskSettled(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function taskSettled(): void {
  for (const l of [...listeners]) l();
}
