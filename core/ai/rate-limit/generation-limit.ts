import type { TAiTier } from '#core/ai/user-tier.ts';
import { AppError } from '#core/errors/app-error.ts';
import type { Redis } from '#core/redis/create-redis.ts';
import { createWindowLimiter, type TWindowLimiter } from './window-limiter.ts';

const HOUR_MS = 3_600_000;

/** Generation requests (images, video, audio, tools) a user may start per hour, by plan (the AI-bot spec). */
export const GENERATIONS_PER_HOUR: Record<TAiTier, number> = { free: 5, basic: 100, premium: 500 };

export interface TGenerationLimiter {
  /**
   * Counts one request of the user, or refuses with `RATE_LIMITED { retryAt, limit }`. The returned `undo`
   * gives the hit back when the request is then refused for another reason (no tokens, bad input).
   */
  take(userId: bigint, tier: TAiTier, now?: Date): Promise<{ undo(): Promise<void> }>;
}

/** One window per user, whatever the tier: moving to a bigger plan keeps the hits already made this hour. */
export function createGenerationLimiter(redis: Redis, keyPrefix: string): TGenerationLimiter {
  const limiters = new Map<TAiTier, TWindowLimiter>();
  for (const [tier, max] of Object.entries(GENERATIONS_PER_HOUR) as [TAiTier, number][]) {
    limiters.set(
      tier,
      createWindowLimiter(redis, keyPrefix, { name: 'generations', max, windowMs: HOUR_MS }),
    );
  }
  return {
    async take(userId, tier, now = new Date()) {
      const limiter = limiters.get(tier);
      if (!limiter) throw new Error(`no generation limit for tier ${tier}`);
      const hit = await limiter.hit(userId.toString(), now);
      if (!hit.allowed)
        throw new AppError('RATE_LIMITED', { retryAt: hit.retryAt, limit: GENERATIONS_PER_HOUR[tier] });
      return { undo: hit.undo };
    },
  };
}
