import type { GrantSource, PrismaClient } from '#core/db/generated/client.ts';
import type { Asset } from './assets.ts';

export interface TWallet {
  tokens: { balance: bigint; held: bigint; available: bigint };
  grants: { id: bigint; source: GrantSource; amount: bigint; remaining: bigint; expiresAt: Date | null }[];
  money: { asset: Asset; balance: bigint; available: bigint }[];
  entitlements: { kind: 'ai_subscription' | 'ai_unlimited'; productId: string; endsAt: Date }[];
}

/** A user's balances as they stand, with the live grants soonest-expiring first. */
export async function getWallet(db: PrismaClient, userId: bigint, now = new Date()): Promise<TWallet> {
  const [accounts, grants, entitlements] = await Promise.all([
    db.ledgerAccount.findMany({ where: { userId } }),
    db.tokenGrant.findMany({
      where: {
        account: { userId },
        remaining: { gt: 0 },
        expiredAt: null,
        OR: [{ expiresAt: null }, { expiresAt: { gt: now } }],
      },
      orderBy: [{ expiresAt: { sort: 'asc', nulls: 'last' } }, { id: 'asc' }],
    }),
    db.entitlement.findMany({
      where: { userId, revokedAt: null, endsAt: { gt: now } },
      orderBy: { endsAt: 'asc' },
    }),
  ]);
  const token = accounts.find((a) => a.asset === 'TOKEN');
  // Grants past their time but not yet expired by the job are not spendable; the wallet does not show them.
  const live = grants.reduce((sum, g) => sum + g.remaining, 0n);
  const balance = token && token.balance < live ? token.balance : live;
  const held = token?.held ?? 0n;
  return {
    tokens: { balance, held, available: balance - held },
    grants: grants.map((g) => ({
      id: g.id,
      source: g.source,
      amount: g.amount,
      remaining: g.remaining,
      expiresAt: g.expiresAt,
    })),
    money: accounts
      .filter((a) => a.asset !== 'TOKEN' && a.balance !== 0n)
      .map((a) => ({ asset: a.asset, balance: a.balance, available: a.balance - a.held })),
    entitlements: entitlements.map((e) => ({ kind: e.kind, productId: e.productId, endsAt: e.endsAt })),
  };
}
