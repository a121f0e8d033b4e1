import type { PrismaClient } from '#core/db/generated/client.ts';

export interface TReferralStats {
  invited: number;
  paying: number;
  earnedTokens: bigint;
  recent: { firstName: string; joinedAt: Date; paid: boolean }[];
}

/** What a user's invitations brought: people, paying people, tokens earned from their purchases. */
export async function referralStats(db: PrismaClient, userId: bigint): Promise<TReferralStats> {
  const [invited, paying, earned, recent] = await Promise.all([
    db.user.count({ where: { referredById: userId } }),
    db.user.count({
      where: {
        referredById: userId,
        payments: { some: { status: { not: 'pending' }, paidAt: { not: null } } },
      },
    }),
    db.tokenGrant.aggregate({ where: { account: { userId }, source: 'referral' }, _sum: { amount: true } }),
    db.user.findMany({
      where: { referredById: userId },
      orderBy: { createdAt: 'desc' },
      take: 10,
      select: {
        firstName: true,
        createdAt: true,
        _count: { select: { payments: { where: { paidAt: { not: null } } } } },
      },
    }),
  ]);
  return {
    invited,
    paying,
    earnedTokens: earned._sum.amount ?? 0n,
    recent: recent.map((r) => ({
      firstName: r.firstName,
      joinedAt: r.createdAt,
      paid: r._count.payments > 0,
    })),
  };
}
