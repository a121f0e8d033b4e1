import { randomBytes } from 'node:crypto';
import type { Redis } from '#core/redis/create-redis.ts';

/** Longer than any acceptance (a reservation and two inserts); a process that dies holding it blocks no one long. */
const LOCK_TTL_MS = 30_000;

const RELEASE = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) else return 0 end`;

/**
 * One launch of a task at a time, across every app process: a double tap on "Run" must not reserve twice.
 * The lock covers "no run is active" → "the new run's row is committed"; after that the active run itself
 * refuses the next launch. Null when another launch holds it.
 */
export async function takeRunLock(
  redis: Redis,
  keyPrefix: string,
  taskId: bigint,
): Promise<{ release(): Promise<void> } | null> {
  const key = `${keyPrefix}:task-run-lock:${taskId}`;
  const token = randomBytes(12).toString('hex');
  const taken = await redis.set(key, token, 'PX', LOCK_TTL_MS, 'NX');
  if (taken !== 'OK') return null;
  return {
    async release() {
      await redis.eval(RELEASE, 1, key, token);
    },
  };
}
