/**
 * Per-paragraph result cache: key = hash(paragraph text + options + model id), behind a small
 * async store interface so a Redis store can be dropped in later.
 */
import { shortHash } from './run-rules';

export interface AsyncStore<V = unknown> {
  get(key: string): Promise<V | undefined>;
  set(key: string, value: V, ttlSec: number): Promise<void>;
}

/** In-memory LRU with per-entry TTL. */
export class MemoryLruStore<V = unknown> implements AsyncStore<V> {
  private map = new Map<string, { v: V; exp: number }>();
  constructor(
    private readonly maxEntries = 5000,
    private readonly now: () => number = Date.now,
  ) {}
  async get(key: string): Promise<V | undefined> {
    const e = this.map.get(key);
    if (!e) return undefined;
    if (e.exp <= this.now()) {
      this.map.delete(key);
      return undefined;
    }
    this.map.delete(key);
    this.map.set(key, e);
    return e.v;
  }
  async set(key: string, value: V, ttlSec: number): Promise<void> {
    this.map.delete(key);
    this.map.set(key, { v: value, exp: this.now() + ttlSec * 1000 });
    while (this.map.size > this.maxEntries) {
      const oldest = this.map.keys().next().value as string;
      this.map.delete(oldest);
    }
  }
  get size(): number {
    return this.map.size;
  }
}

/** Cache key of one paragraph's result: content hash + options + model id (+ a prompt version). */
export function paragraphCacheKey(text: string, options: Record<string, unknown>, modelId: string, version = 'v1'): string {
  const opts = JSON.stringify(
    Object.keys(options)
      .sort()
      .map((k) => [k, options[k]]),
  );
  return `proofread:${version}:${shortHash(modelId)}:${shortHash(opts)}:${shortHash(text)}${text.length.toString(36)}`;
}
