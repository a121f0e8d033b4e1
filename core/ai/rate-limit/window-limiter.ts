import { randomBytes } from 'node:crypto';
import type { Redis } from '#core/redis/create-redis.ts';

export interface TWindowLimit {
  /** Names the limit in Redis keys and logs: `generations`, `miniapp-api`, `signups`. */
  name: string;
  /** How many hits one key may make within any window. */
  max: number;
  windowMs: number;
}

export type THit =
  | {
      allowed: true;
      remaining: number /** Gives the hit back (the action it counted did not happen). */;
      undo(): Promise<void>;
    }
  | {
      allowed: false /** When the oldest hit in the window leaves it: the earliest moment another one fits. */;
      retryAt: Date;
    };

/**
 * A sliding window log in one sorted set per key: members are hits, scores their times. Unlike a fixed
 * window it never lets 2×max through around a window boundary, and the refusal can say exactly when the
 * next hit fits. The check and the insert are one Lua script, so parallel requests from any number of
 * processes cannot all slip under the limit. Refused hits are not recorded: hammering does not extend the wait.
 */
const SCRIPT = `
local key, now, window, max, member = KEYS[1], tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3]), ARGV[4]
redis.call('ZREMRANGEBYSCORE', key, '-inf', now - window)
local count = redis.call('ZCARD', key)
if count >= max then
  local oldest = redis.call('ZRANGE', key, 0, 0, 'WITHSCORES')
  return {0, tonumber(oldest[2]) + window}
end
redis.call('ZADD', key, now, member)
redis.call('PEXPIRE', key, window)
return {1, max - count - 1}
`;

export interface TWindowLimiter {
  readonly limit: TWindowLimit;
  hit(subject: string, now?: Date): Promise<THit>;
}

export function createWindowLimiter(redis: Redis, keyPrefix: string, limit: TWindowLimit): TWindowLimiter {
  return {
    limit,
    async hit(subject, now = new Date()) {
      const key = `${keyPrefix}:ratelimit:${limit.name}:${subject}`;
      // Unique even for two hits in the same millisecond; the time prefix keeps members readable in redis-cli.
      const member = `${now.getTime()}-${randomBytes(4).toString('hex')}`;
      const [allowed, value] = (await redis.eval(
        SCRIPT,
        1,
        key,
        now.getTime(),
        limit.windowMs,
        limit.max,
        member,
      )) as [number, number];
      if (allowed === 1)
        return {
          allowed: true,
          remaining: value,
          undo: async () => {
            await redis.zrem(key, member);
          },
        };
      return { allowed: false, retryAt: new Date(value) };
    },
  };
}
