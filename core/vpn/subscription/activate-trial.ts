import type { PrismaClient } from '#core/db/generated/client.ts';
import { AppError } from '#core/errors/app-error.ts';
import { isPaidTier, TRIAL } from '../plans.ts';
import { lockSubscription, requestPanelSync, tierTerms } from './subscription-store.ts';

const DAY_MS = 86_400_000;

/**
 * The trial (spec 001: 2 days, 2 GB), once per account: refused when it was taken before, also after it
 * ended, and for anyone who has had a paid plan. The panel user is made after commit; the user hears "ready"
 * from the worker. Two taps at once serialize on the user's lock, so only one trial starts.
 */
export async function activateTrial(
  db: PrismaClient,
  input: { userId: bigint; now?: Date },
): Promise<{ expiresAt: Date }> {
  const now = input.now ?? new Date();
  return db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended('vpn-user:' || ${input.userId}::text, 0))`;
    const current = await lockSubscription(tx, input.userId);
    if (current?.trialUsedAt) throw new AppError('VPN_TRIAL_USED', { date: current.trialUsedAt });
    if (
      current &&
      isPaidTier(current.tier) &&
      (await tx.vpnPeriod.count({ where: { userId: input.userId } })) > 0
    )
      throw new AppError('VPN_TRIAL_HAS_PLAN');
    const expiresAt = new Date(now.getTime() + TRIAL.days * DAY_MS);
    const data = { ...tierTerms('trial'), expiresAt, trialUsedAt: now };
    const row = current
      ? await tx.vpnSubscription.update({
          where: { userId: input.userId },
          data: { ...data, version: { increment: 1 } },
        })
      : await tx.vpnSubscription.create({ data: { userId: input.userId, ...data } });
    await tx.vpnPeriod.create({
      data: {
        userId: input.userId,
        source: 'trial',
        tier: 'trial',
        days: TRIAL.days,
        startsAt: now,
        endsAt: expiresAt,
      },
    });
    await requestPanelSync(tx, {
      userId: input.userId,
      version: row.version,
      reason: 'provision',
      key: `vpn:trial:${input.userId}`,
    });
    return { expiresAt };
  });
}
