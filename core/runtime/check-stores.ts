import type { PrismaClient } from '#core/db/create-prisma.ts';
import type { Redis } from '#core/redis/create-redis.ts';

export interface TStoresHealth {
  ok: boolean;
  postgres: boolean;
  redis: boolean;
}

const withTimeout = <T>(promise: Promise<T>, ms: number): Promise<T> =>
  Promise.race([
    promise,
    new Promise<T>((_, reject) => setTimeout(() => reject(new Error('timeout')), ms).unref()),
  ]);

/** What a health check asks of a process (app or worker): both stores answer within `timeoutMs`. */
export async function checkStores(
  deps: { db: PrismaClient; redis: Redis },
  timeoutMs = 2_000,
): Promise<TStoresHealth> {
  const [postgres, redis] = await Promise.allSettled([
    withTimeout(deps.db.$queryRaw`SELECT 1`, timeoutMs),
    withTimeout(deps.redis.ping(), timeoutMs),
  ]);
  const status = { postgres: postgres.status === 'fulfilled', redis: redis.status === 'fulfilled' };
  return { ok: status.postgres && status.redis, ...status };
}
