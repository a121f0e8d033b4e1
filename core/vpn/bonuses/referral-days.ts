import type { TTx } from '#core/ledger/ledger-accounts.ts';
import { grantBonusDays } from './grant-days.ts';

/** Spec 001: the referrer gets 3 days when a referred user first pays, for at most 100 referred users. */
export const REFERRAL_BONUS_DAYS = 3;
export const MAX_REWARDED_REFERRALS = 100;

/**
 * Called in the payment's transaction of a user's first paid VPN period. The referrer's row lock (taken by
 * grantBonusDays) is held while counting, so two referred users paying at once cannot both be the 101st.
 */
export async function rewardReferrer(
  tx: TTx,
  input: { buyerId: bigint; paymentId: bigint; now: Date },
): Promise<{ referrerId: bigint } | null> {
  const buyer = await tx.user.findUnique({ where: { id: input.buyerId }, select: { referredById: true } });
  const referrerId = buyer?.referredById;
  if (!referrerId) return null;
  // Serialises rewards per referrer even before the referrer has a subscription row to lock.
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended('vpn-referral:' || ${referrerId}::text, 0))`;
  const rewarded = await tx.vpnPeriod.count({ where: { userId: referrerId, source: 'referral' } });
  if (rewarded >= MAX_REWARDED_REFERRALS) return null;
  await grantBonusDays(tx, {
    userId: referrerId,
    days: REFERRAL_BONUS_DAYS,
    source: 'referral',
    now: input.now,
    key: `vpn:referral:${input.paymentId}`,
  });
  return { referrerId };
}
