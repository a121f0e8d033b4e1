import { randomUUID } from 'node:crypto';
import type { Redis } from '#core/redis/create-redis.ts';

// Deletes the lock only if it is still ours: an expired lock may already belong to the next reply.
const RELEASE = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) end return 0`;
const EXTEND = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('pexpire', KEYS[1], ARGV[2]) end return 0`;

/**
 * Short, and renewed while the reply runs: a process that dies mid-reply frees the chat within this time
 * instead of refusing the user until a long lock runs out.
 */
const LOCK_TTL_MS = 30_000;
const RENEW_EVERY_MS = 10_000;

export interface TReplyLock {
  release(): Promise<void>;
}

/**
 * One reply per chat at a time, across every app replica (Redis). Null when a reply is already running
 * there: the caller tells the user to wait instead of starting a second, parallel one.
 */
export async function acquireReplyLock(
  redis: Redis,
  prefix: string,
  chatId: number,
): Promise<TReplyLock | null> {
  const key = `${prefix}:chat-reply:${chatId}`;
  const token = randomUUID();
  const taken = await redis.set(key, token, 'PX', LOCK_TTL_MS, 'NX');
  if (taken !== 'OK') return null;
  const renew = setInterval(() => {
    // A missed renewal only lets the lock lapse early; the reply itself goes on either way.
    redis.eval(EXTEND, 1, key, token, LOCK_TTL_MS).catch(() => undefined);
  }, RENEW_EVERY_MS);
  return {
    async release() {
      clearInterval(renew);
      await redis.eval(RELEASE, 1, key, token);
    },
  };
}
