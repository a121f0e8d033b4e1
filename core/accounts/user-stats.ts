import type { PrismaClient } from '#core/db/generated/client.ts';

export interface TUserStats {
  total: number;
  newToday: number;
  active24h: number;
}

/** "Today" is the UTC day: the admin team works across time zones and needs one answer. */
export async function userStats(db: PrismaClient, now = new Date()): Promise<TUserStats> {
  const startOfDay = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  const dayAgo = new Date(now.getTime() - 24 * 60 * 60 * 1000);
  const [total, newToday, active24h] = await Promise.all([
    db.user.count(),
    db.user.count({ where: { createdAt: { gte: startOfDay } } }),
    db.user.count({ where: { lastActiveAt: { gte: dayAgo } } }),
  ]);
  return { total, newToday, active24h };
}
