import type { AiCacheEntry, PrismaClient } from '#core/db/generated/client.ts';
import { CACHE_TTL_MS } from './generation-timing.ts';

/** A delivered result still within its 24 hours, with a stored file behind it. */
export async function findCachedResult(db: PrismaClient, key: string, now = new Date()) {
  return db.aiCacheEntry.findFirst({
    where: { key, expiresAt: { gt: now }, resultFileId: { not: null } },
  });
}

/** Counts a reuse: the admin's AI stats read `hits` next to the requests marked `cacheHit`. */
export async function countCacheHit(db: PrismaClient, key: string): Promise<void> {
  await db.aiCacheEntry.updateMany({ where: { key }, data: { hits: { increment: 1 } } });
}

/**
 * Remembers a delivered result. A stale entry with the same key (expired, or its file gone) is replaced;
 * a live one stays, so two identical requests finishing together keep the first result.
 */
export async function storeCachedResult(
  db: PrismaClient,
  input: { key: string; modelId: string; resultFileId: string; now?: Date },
): Promise<AiCacheEntry> {
  const now = input.now ?? new Date();
  const fresh = { modelId: input.modelId, resultFileId: input.resultFileId, hits: 0, createdAt: now };
  const expiresAt = new Date(now.getTime() + CACHE_TTL_MS);
  await db.aiCacheEntry.deleteMany({ where: { key: input.key, expiresAt: { lte: now } } });
  return db.aiCacheEntry.upsert({
    where: { key: input.key },
    create: { key: input.key, ...fresh, expiresAt },
    update: {},
  });
}
