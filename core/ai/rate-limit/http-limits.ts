import type { Redis } from '#core/redis/create-redis.ts';
import { createWindowLimiter, type TWindowLimiter } from './window-limiter.ts';

const HOUR_MS = 3_600_000;

/** "1,000 requests per hour per IP on the Mini App API" (the AI-bot spec), keyed by the client's IP. */
export const MINIAPP_API_PER_IP = { name: 'miniapp-api', max: 1_000, windowMs: HOUR_MS } as const;

/** "10 sign-ups per hour per IP where an IP is known": new accounts created from one address. */
export const SIGNUPS_PER_IP = { name: 'signups', max: 10, windowMs: HOUR_MS } as const;

export const createMiniAppApiLimiter = (redis: Redis, keyPrefix: string): TWindowLimiter =>
  createWindowLimiter(redis, keyPrefix, MINIAPP_API_PER_IP);

export const createSignupLimiter = (redis: Redis, keyPrefix: string): TWindowLimiter =>
  createWindowLimiter(redis, keyPrefix, SIGNUPS_PER_IP);
