import { Redis } from 'ioredis';

export type { Redis };

/**
 * BullMQ workers need `maxRetriesPerRequest: null` (a blocking command must not be retried into an error);
 * the same setting is harmless elsewhere, so every connection uses it.
 */
export function createRedis(url: string, name: string): Redis {
  return new Redis(url, { maxRetriesPerRequest: null, connectionName: name, lazyConnect: false });
}
