import { Prisma, type PrismaClient } from '#core/db/generated/client.ts';
import type { Asset } from '#core/ledger/assets.ts';

export interface TPartnerRow {
  id: bigint;
  userId: bigint;
  code: string;
  commissionPercent: number;
  disabled: boolean;
  name: string;
  username: string | null;
  referred: number;
  /** Commission credited less commission reversed by refunds, per currency. */
  earned: { asset: Asset; amount: bigint }[];
  paidOut: { asset: Asset; amount: bigint }[];
}

/** Partners newest first, with how many users came through each and the money they earned and took out. */
export async function listPartners(db: PrismaClient, limit = 30): Promise<TPartnerRow[]> {
  const partners = await db.partner.findMany({ orderBy: { id: 'desc' }, take: Math.min(limit, 50) });
  if (partners.length === 0) return [];
  const userIds = partners.map((p) => p.userId);
  const users = await db.user.findMany({
    where: { id: { in: userIds } },
    select: { id: true, firstName: true, lastName: true, username: true },
  });
  const referred = await db.user.groupBy({
    by: ['partnerId'],
    where: { partnerId: { in: partners.map((p) => p.id) } },
    _count: { _all: true },
  });
  const earned = await db.$queryRaw<{ user_id: bigint; asset: Asset; amount: bigint }[]>`
    SELECT a.user_id, a.asset, SUM(e.amount)::bigint AS amount
    FROM ledger_entries e
    JOIN ledger_accounts a ON a.id = e.account_id
    JOIN ledger_transactions t ON t.id = e.transaction_id
    WHERE a.user_id IN (${Prisma.join(userIds)})
      AND (t.type = 'commission' OR t.idempotency_key LIKE 'refund:%:commission')
    GROUP BY a.user_id, a.asset`;
  // Paid out from each balance, whatever it earned from (a partner may also hold other earnings).
  const paid = await db.payoutRequest.groupBy({
    by: ['userId', 'asset'],
    where: { userId: { in: userIds }, status: 'paid' },
    orderBy: [{ userId: 'asc' }, { asset: 'asc' }],
    _sum: { amount: true },
  });
  return partners.map((p) => {
    const user = users.find((u) => u.id === p.userId);
    return {
      id: p.id,
      userId: p.userId,
      code: p.code,
      commissionPercent: p.commissionPercent,
      disabled: p.disabledAt !== null,
      name: [user?.firstName, user?.lastName].filter(Boolean).join(' ') || p.userId.toString(),
      username: user?.username ?? null,
      referred: referred.find((r) => r.partnerId === p.id)?._count._all ?? 0,
      earned: earned.filter((e) => e.user_id === p.userId).map((e) => ({ asset: e.asset, amount: e.amount })),
      paidOut: paid
        .filter((r) => r.userId === p.userId)
        .map((r) => ({ asset: r.asset, amount: r._sum?.amount ?? 0n })),
    };
  });
}
