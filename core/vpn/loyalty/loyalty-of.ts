import type { PrismaClient } from '#core/db/generated/client.ts';
import { loyaltyPeriodsWhere } from './apply-loyalty.ts';
import { loyaltyState, type TLoyaltyState } from './loyalty-levels.ts';

/** A user's loyalty level now, for showing (the hourly job records and rewards it). */
export async function loyaltyOf(db: PrismaClient, userId: bigint, now = new Date()): Promise<TLoyaltyState> {
  const periods = await db.vpnPeriod.findMany({
    where: { userId, ...loyaltyPeriodsWhere },
    select: { source: true, days: true, startsAt: true, endsAt: true },
  });
  return loyaltyState(periods, now);
}
