/**
 * One shared ioredis client per REDIS_URL for the whole process (the proofreading
 * cache and the rate-limit store use the same connection). Commands fail fast when
 * Redis is away instead of queueing forever; callers decide what a failure means.
 */
import { Redis } from 'ioredis';
import type { Config } from '../config';

const clients = new Map<string, Redis>();

export interface RedisClientOptions {
  /** Bound on one command (ms). */
  commandTimeoutMs?: number;
  onError?: (err: Error) => void;
}

/** A new connection (not shared): for tests or a second independent user. */
export function createRedisClient(url: string, opts: RedisClientOptions = {}): Redis {
  const client = new Redis(url, {
    maxRetriesPerRequest: 1,
    commandTimeout: opts.commandTimeoutMs ?? 1000,
    enableOfflineQueue: true,
    connectTimeout: 2000,
    retryStrategy: (times) => Math.min(200 * times, 5000),
    lazyConnect: false,
  });
  // Without a listener ioredis prints every reconnect failure; errors surface on commands.
  client.on('error', (err: Error) => opts.onError?.(err));
  return client;
}

/** The process-wide client for `config.REDIS_URL`, or null when Redis is not configured. */
export function getRedis(config: Pick<Config, 'REDIS_URL'>, opts: RedisClientOptions = {}): Redis | null {
  const url = config.REDIS_URL;
  if (!url) return null;
  let client = clients.get(url);
  if (!client) {
    client = createRedisClient(url, opts);
    clients.set(url, client);
  }
  return client;
}

/** Closes every shared client (shutdown, tests). */
export async function closeRedis(): Promise<void> {
  const all = [...clients.values()];
  clients.clear();
  await Promise.all(all.map((c) => c.quit().catch(() => c.disconnect())));
}
