/**
 * A tiny concurrency limiter (what p-limit does). p-limit itself is ESM-only since v4 and this
 * server compiles to CommonJS (module Node16 without "type": "module"): `require()` of an ES
 * module is only unflagged from Node 20.19/22.12 and ts-jest's CommonJS transform cannot load
 * it, so a dozen lines of our own are simpler than a dual-build workaround.
 */
export type Limit = <T>(fn: () => Promise<T>) => Promise<T>;

export function createLimit(concurrency: number): Limit {
  const max = Math.max(1, Math.floor(concurrency) || 1);
  let active = 0;
  const queue: Array<() => void> = [];
  const next = () => {
    if (active >= max) return;
    const run = queue.shift();
    if (run) run();
  };
  return <T>(fn: () => Promise<T>) =>
    new Promise<T>((resolve, reject) => {
      queue.push(() => {
        active++;
        Promise.resolve()
          .then(fn)
          .then(resolve, reject)
          .finally(() => {
            active--;
            next();
          });
      });
      next();
    });
}
