import type { PrismaClient } from '#core/db/generated/client.ts';

/** Newest codes first, for the admin list. */
export const listPromoCodes = (db: PrismaClient, limit = 20) =>
  db.promoCode.findMany({ orderBy: { id: 'desc' }, take: Math.min(limit, 50) });
