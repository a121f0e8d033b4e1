import type { PrismaClient } from '#core/db/generated/client.ts';

/**
 * A journal row only matters while its job can still run again: BullMQ keeps completed notify jobs a day and
 * failed ones a week (NOTIFY_JOB_OPTIONS), so a week's rows are enough. Returns how many were deleted.
 */
export async function pruneNotificationSends(db: PrismaClient, input: { now: Date }): Promise<number> {
  const before = new Date(input.now.getTime() - NOTIFICATION_SENDS_KEPT_MS);
  const { count } = await db.notificationSend.deleteMany({ where: { claimedAt: { lt: before } } });
  return count;
}

export const NOTIFICATION_SENDS_KEPT_MS = 7 * 24 * 3600 * 1000;
