/**
 * Redis-backed AsyncStore (the proofreading cache shared by several relay instances):
 * JSON values, a TTL per entry, every key under a prefix. A cache must never break a
 * request: a Redis failure reads as a miss and a failed write is dropped.
 */
import type { Redis } from 'ioredis';
import type { AsyncStore } from '../proofread/cache';

export interface RedisStoreOptions {
  prefix?: string;
  /** Called (rarely) when Redis fails; the store itself never throws. */
  onError?: (err: unknown) => void;
}

export class RedisStore<V = unknown> implements AsyncStore<V> {
  readonly prefix: string;
  constructor(
    private readonly redis: Redis,
    private readonly opts: RedisStoreOptions = {},
  ) {
    this.prefix = opts.prefix ?? 'sseugi:cache:';
  }

  async get(key: string): Promise<V | undefined> {
    try {
      const raw = await this.redis.get(this.prefix + key);
      if (raw === null) return undefined;
      return JSON.parse(raw) as V;
    } catch (err) {
      this.opts.onError?.(err);
      return undefined;
    }
  }

  async set(key: string, value: V, ttlSec: number): Promise<void> {
    try {
      const ttl = Math.max(1, Math.ceil(ttlSec));
      await this.redis.set(this.prefix + key, JSON.stringify(value), 'EX', ttl);
    } catch (err) {
      this.opts.onError?.(err);
    }
  }
}
