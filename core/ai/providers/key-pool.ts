import type { Redis } from '#core/redis/create-redis.ts';
import { keyFingerprint } from './key-fingerprint.ts';

/** A 429 without a retry-after: a minute is what OpenAI's and most gateways' limits reset within. */
export const DEFAULT_RATE_LIMIT_REST_MS = 60_000;
/** A refused key is usually revoked or out of credit: a person has to act, so it is not tried every call. */
export const AUTH_FAILURE_REST_MS = 15 * 60_000;

export interface TPoolKey {
  secret: string;
  fingerprint: string;
}

export interface TKeyOrder {
  /** Keys not resting, starting with the one whose turn it is. */
  ready: TPoolKey[];
  /** When the first resting key is free again (ms since epoch); undefined when none rests. */
  soonestFreeAt?: number;
}

// Keeps the longer rest: a 401's 15 minutes must not be shortened by a 429 of a call already in flight.
const REST_SCRIPT = `
local left = redis.call('PTTL', KEYS[1])
if left >= tonumber(ARGV[1]) then return left end
redis.call('SET', KEYS[1], '1', 'PX', ARGV[1])
return tonumber(ARGV[1])`;

/**
 * The API keys of each provider, used in turn; a key that was rate-limited or refused rests for a while.
 * Rest and turn live in Redis, so every app and worker process skips the same resting keys. A rest is a key
 * with a TTL and is read back as its PTTL, so the processes' clocks do not have to agree.
 */
export function createKeyPool(opts: { redis: Redis; prefix: string; now?: () => number }) {
  const now = opts.now ?? Date.now;
  const restKey = (provider: string, fingerprint: string) =>
    `${opts.prefix}:ai:key-rest:${provider}:${fingerprint}`;
  const turnKey = (provider: string) => `${opts.prefix}:ai:key-turn:${provider}`;

  return {
    async order(provider: string, secrets: readonly string[]): Promise<TKeyOrder> {
      const keys = secrets.map((secret) => ({ secret, fingerprint: keyFingerprint(secret) }));
      if (keys.length === 0) return { ready: [] };
      const pipeline = opts.redis.multi().incr(turnKey(provider));
      for (const key of keys) pipeline.pttl(restKey(provider, key.fingerprint));
      const replies = (await pipeline.exec()) ?? [];
      const values = replies.map(([error, value]) => {
        if (error) throw error;
        return Number(value);
      });
      const [turn = 1, ...left] = values;
      const start = (turn - 1) % keys.length;
      const rotated = [...keys.slice(start), ...keys.slice(0, start)];
      const leftOf = new Map(keys.map((key, i) => [key.fingerprint, left[i] ?? -2]));
      // PTTL is -2 for a missing key (not resting); -1 (no TTL) cannot happen, as rests are always set with PX.
      const resting = [...leftOf.values()].filter((ms) => ms > 0);
      return {
        ready: rotated.filter((key) => (leftOf.get(key.fingerprint) ?? -2) <= 0),
        soonestFreeAt: resting.length > 0 ? now() + Math.min(...resting) : undefined,
      };
    },

    /** Rests a key for `ms` (a longer rest already running is kept); returns the rest now in force. */
    async rest(provider: string, key: TPoolKey, ms: number): Promise<number> {
      const restMs = Math.max(1, Math.ceil(ms));
      const left = await opts.redis.eval(REST_SCRIPT, 1, restKey(provider, key.fingerprint), restMs);
      return Number(left);
    },

    /** Milliseconds until the key is free again; 0 when it is not resting. */
    async restLeft(provider: string, secret: string): Promise<number> {
      const left = await opts.redis.pttl(restKey(provider, keyFingerprint(secret)));
      return Math.max(0, left);
    },
  };
}

export type TKeyPool = ReturnType<typeof createKeyPool>;
