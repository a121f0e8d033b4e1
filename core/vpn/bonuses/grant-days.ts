import type { TTx } from '#core/ledger/ledger-accounts.ts';
import { isPaidTier } from '../plans.ts';
import { lockSubscription, requestPanelSync, tierTerms } from '../subscription/subscription-store.ts';

const DAY_MS = 86_400_000;

export type TBonusSource = 'referral' | 'invite' | 'loyalty' | 'admin';

/**
 * Adds free days (a referral reward, an invite, a loyalty bonus, an admin's grant): to the current expiry when
 * the plan is active, from now when it lapsed; someone with no paid plan gets the basic tier for those days.
 * Returns the new expiry. The panel follows after commit.
 */
export async function grantBonusDays(
  tx: TTx,
  input: { userId: bigint; days: number; source: TBonusSource; now: Date; key?: string },
): Promise<Date> {
  const current = await lockSubscription(tx, input.userId);
  const from = current && current.expiresAt > input.now ? current.expiresAt : input.now;
  const expiresAt = new Date(from.getTime() + input.days * DAY_MS);
  const keepTier = current && isPaidTier(current.tier) && current.expiresAt > input.now;
  const terms = keepTier ? {} : tierTerms(current && isPaidTier(current.tier) ? current.tier : 'basic');
  const row = current
    ? await tx.vpnSubscription.update({
        where: { userId: input.userId },
        data: { ...terms, expiresAt, version: { increment: 1 } },
      })
    : await tx.vpnSubscription.create({ data: { userId: input.userId, ...tierTerms('basic'), expiresAt } });
  await tx.vpnPeriod.create({
    data: {
      userId: input.userId,
      source: input.source,
      tier: row.tier,
      days: input.days,
      startsAt: from,
      endsAt: expiresAt,
    },
  });
  await requestPanelSync(tx, {
    userId: input.userId,
    version: row.version,
    reason: 'provision',
    key: input.key,
  });
  return expiresAt;
}
