import { z } from 'zod';
import type { Redis } from '#core/redis/create-redis.ts';
import type { TStarCursor, TStarCursorStore } from './read-star-transactions.ts';

const ZStarCursorSchema = z.object({ offset: z.number().int().positive(), lastKey: z.string().min(1) });

/**
 * The reconciliation cursor in Redis. It only saves reading: a lost or unreadable cursor means the next run
 * reads Telegram's whole list again, which credits nothing twice.
 */
export function redisStarCursorStore(redis: Redis, key: string): TStarCursorStore {
  return {
    async read(): Promise<TStarCursor | null> {
      const raw = await redis.get(key);
      if (raw === null) return null;
      let json: unknown;
      try {
        json = JSON.parse(raw);
      } catch {
        return null;
      }
      const parsed = ZStarCursorSchema.safeParse(json);
      return parsed.success ? parsed.data : null;
    },
    async write(cursor: TStarCursor): Promise<void> {
      await redis.set(key, JSON.stringify(ZStarCursorSchema.parse(cursor)));
    },
  };
}
