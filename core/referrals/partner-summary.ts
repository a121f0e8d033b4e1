import type { Partner, PrismaClient } from '#core/db/generated/client.ts';
import type { Asset } from '#core/ledger/assets.ts';

export interface TPartnerSummary {
  partner: Partner;
  referred: number;
  /** What the partner can withdraw or spend now, per currency (commissions arrive in the buyer's currency). */
  available: { asset: Asset; amount: bigint }[];
}

/** A partner's own view: their link code, how many joined through it, and their money. Null for non-partners. */
export async function partnerSummary(db: PrismaClient, userId: bigint): Promise<TPartnerSummary | null> {
  const partner = await db.partner.findUnique({ where: { userId } });
  if (!partner) return null;
  const referred = await db.user.count({ where: { partnerId: partner.id } });
  const accounts = await db.ledgerAccount.findMany({ where: { userId, asset: { not: 'TOKEN' } } });
  return {
    partner,
    referred,
    available: accounts.map((a) => ({ asset: a.asset, amount: a.balance - a.held })),
  };
}
