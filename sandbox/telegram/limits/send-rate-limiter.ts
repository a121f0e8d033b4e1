import { tooManyRequests } from '#sandbox/telegram/bot-api/api-error.ts';
import type { RateLimits } from '#sandbox/telegram/types.ts';
import { TokenBucket } from './token-bucket.ts';

/**
 * Telegram's documented flood limits for bots
 * (https://core.telegram.org/bots/faq#my-bot-is-hitting-limits-how-do-i-avoid-this):
 * about one message per second in a chat (short bursts tolerated), about 30
 * messages per second overall, and at most 20 messages per minute in a group.
 */
export const DEFAULT_RATE_LIMITS: RateLimits = {
  perChatPerSecond: 1,
  // Telegram documents ~1 msg/s per chat but lets a bot answer a short exchange at once; a burst of 20
  // keeps a normal conversation unthrottled and still 429s a bot that floods one chat.
  perChatBurst: 20,
  globalPerSecond: 30,
  groupPerMinute: 20,
};

/** Idle buckets are swept once this many exist, so long benchmarks do not grow memory. */
const SWEEP_THRESHOLD = 10_000;

/**
 * Token buckets per chat, per group and per bot. A send is allowed only when
 * every applicable bucket has a token; otherwise the call fails with 429 and
 * `retry_after` = whole seconds until the slowest bucket frees a token.
 */
export class SendRateLimiter {
  readonly #buckets = new Map<string, TokenBucket>();

  constructor(
    readonly limits: RateLimits,
    private readonly clock: () => number = Date.now,
  ) {}

  /** Consumes one send for `botId` into `chatId`, or throws the 429 ApiError. */
  take(botId: number, chatId: number, isGroup: boolean): void {
    const now = this.clock();
    const buckets = [
      this.#bucket(`chat:${botId}:${chatId}`, this.limits.perChatBurst, this.limits.perChatPerSecond, now),
      this.#bucket(`bot:${botId}`, this.limits.globalPerSecond, this.limits.globalPerSecond, now),
    ];
    if (isGroup) {
      buckets.push(
        this.#bucket(
          `group:${botId}:${chatId}`,
          this.limits.groupPerMinute,
          this.limits.groupPerMinute / 60,
          now,
        ),
      );
    }
    const waitMs = Math.max(...buckets.map((bucket) => bucket.msUntilToken(now)));
    if (waitMs > 0) {
      throw tooManyRequests(Math.max(1, Math.ceil(waitMs / 1000)));
    }
    for (const bucket of buckets) bucket.take(now);
  }

  #bucket(key: string, capacity: number, refillPerSecond: number, now: number): TokenBucket {
    let bucket = this.#buckets.get(key);
    if (!bucket) {
      if (this.#buckets.size >= SWEEP_THRESHOLD) this.#sweep(now);
      bucket = new TokenBucket(capacity, refillPerSecond, now);
      this.#buckets.set(key, bucket);
    }
    return bucket;
  }

  #sweep(now: number): void {
    for (const [key, bucket] of this.#buckets) {
      if (bucket.isFull(now)) this.#buckets.delete(key);
    }
  }
}
