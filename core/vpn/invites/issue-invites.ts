import type { PrismaClient, VpnInvite } from '#core/db/generated/client.ts';
import { newInviteCode } from './invite-code.ts';
import { promotionAt } from './invite-rules.ts';

const DAY_MS = 86_400_000;
/** An unused code lapses: a code found in an old chat a year later is not a standing offer. */
export const INVITE_CODE_TTL_DAYS = 90;
/** The sources that are a paid period (a plan bought through a provider or from the wallet). */
export const PAID_SOURCES = ['paid', 'wallet'] as const;

/** Codes one paid period brings: `invites` per `perDays` days paid, times a promotion's multiplier. */
export function invitesForPeriod(
  rule: { invites: number; perDays: number },
  periodDays: number,
  multiplier = 1,
): number {
  if (rule.perDays <= 0) return 0;
  return Math.floor(periodDays / rule.perDays) * rule.invites * multiplier;
}

export type TInviteStatus = 'available' | 'used' | 'expired';
export type TMyInvite = VpnInvite & { status: TInviteStatus };

/** Used once redeemed; expired after its date or when the payment that brought it was refunded in full. */
export const inviteStatus = (invite: VpnInvite, now: Date, periodRefunded = false): TInviteStatus =>
  invite.redeemedById !== null ? 'used' : invite.expiresAt <= now || periodRefunded ? 'expired' : 'available';

/**
 * A user's invite codes, issuing the ones their paid periods entitle them to first. Codes are issued
 * lazily (here, not in the payment's fulfilment): each paid period that is not refunded and has not ended
 * gets its codes once, by the tier's rule and the promotion in force when it was paid; a period that already
 * has codes is settled, so a later change of the rules does not add or take away any. Idempotent: a code is
 * keyed by (period, n), so two calls at once issue each code once.
 */
export async function myInvites(db: PrismaClient, userId: bigint, now = new Date()): Promise<TMyInvite[]> {
  const periods = await db.vpnPeriod.findMany({
    where: {
      userId,
      source: { in: [...PAID_SOURCES] },
      revokedAt: null,
      endsAt: { gt: now },
      id: { notIn: (await issuedPeriods(db, userId)).map((p) => p.periodId) },
    },
    orderBy: { id: 'asc' },
  });
  if (periods.length > 0) {
    const rules = new Map((await db.vpnInviteRule.findMany()).map((r) => [r.tier, r]));
    const rows = [];
    for (const period of periods) {
      const rule = rules.get(period.tier);
      if (!rule) continue;
      const promotion = await promotionAt(db, period.createdAt);
      const count = invitesForPeriod(rule, period.days, promotion?.multiplier ?? 1);
      for (let seq = 0; seq < count; seq++)
        rows.push({
          code: newInviteCode(),
          inviterId: userId,
          periodId: period.id,
          seq,
          tier: period.tier,
          friendDays: rule.friendDays,
          expiresAt: new Date(now.getTime() + INVITE_CODE_TTL_DAYS * DAY_MS),
        });
    }
    // A concurrent call issued the same (period, n): skipped. (A random code equal to an existing one, one
    // chance in ~10^12 per code, would be skipped too: that one code is not issued.)
    if (rows.length > 0) await db.vpnInvite.createMany({ data: rows, skipDuplicates: true });
  }
  const invites = await db.vpnInvite.findMany({
    where: { inviterId: userId },
    orderBy: [{ createdAt: 'desc' }, { id: 'asc' }],
  });
  const refunded = new Set(
    (
      await db.vpnPeriod.findMany({
        where: { userId, revokedAt: { not: null }, id: { in: invites.map((i) => i.periodId) } },
        select: { id: true },
      })
    ).map((p) => p.id),
  );
  return invites.map((invite) => ({
    ...invite,
    status: inviteStatus(invite, now, refunded.has(invite.periodId)),
  }));
}

const issuedPeriods = (db: PrismaClient, userId: bigint) =>
  db.vpnInvite.findMany({ where: { inviterId: userId }, select: { periodId: true }, distinct: ['periodId'] });
