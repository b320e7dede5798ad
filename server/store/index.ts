/** Where shared state lives: Redis when REDIS_URL is set, process memory otherwise. */
import type { Config } from '../config';
import { MemoryLruStore, type AsyncStore } from '../proofread/cache';
import { getRedis } from './client';
import { RedisStore } from './redis';

export { getRedis, closeRedis, createRedisClient } from './client';
export { RedisStore } from './redis';

export interface CacheStoreOptions {
  /** Entries kept in memory when Redis is not configured. */
  maxEntries?: number;
  prefix?: string;
  onError?: (err: unknown) => void;
}

/** The proofreading cache: shared through Redis when REDIS_URL is set, else an in-memory LRU. */
export function createCacheStore<V = unknown>(config: Pick<Config, 'REDIS_URL'>, opts: CacheStoreOptions = {}): AsyncStore<V> {
  const redis = getRedis(config);
  if (!redis) return new MemoryLruStore<V>(opts.maxEntries ?? 50_000);
  return new RedisStore<V>(redis, { prefix: opts.prefix ?? 'sseugi:proofread:', onError: opts.onError });
}
