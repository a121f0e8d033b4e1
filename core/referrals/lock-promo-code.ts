import type { PromoCode } from '#core/db/generated/client.ts';
import type { TTx } from '#core/ledger/ledger-accounts.ts';
import type { TPromoUsage } from './promo-rules.ts';

/**
 * Reads a code under a row lock (`SELECT … FOR UPDATE`): every redemption of one code takes this lock before
 * it counts and increments, so concurrent uses queue in PostgreSQL and cannot exceed the limits.
 */
export async function lockPromoCode(
  tx: TTx,
  by: { code: string } | { id: bigint },
): Promise<PromoCode | null> {
  const locked =
    'code' in by
      ? await tx.$queryRaw<{ id: bigint }[]>`SELECT id FROM promo_codes WHERE code = ${by.code} FOR UPDATE`
      : await tx.$queryRaw<{ id: bigint }[]>`SELECT id FROM promo_codes WHERE id = ${by.id} FOR UPDATE`;
  const id = locked[0]?.id;
  return id === undefined ? null : tx.promoCode.findUnique({ where: { id } });
}

export async function readPromoUsage(tx: TTx, promoCodeId: bigint, userId: bigint): Promise<TPromoUsage> {
  const userRedemptions = await tx.promoRedemption.count({ where: { promoCodeId, userId } });
  const paid = await tx.payment.findFirst({
    where: { userId, paidAt: { not: null } },
    select: { id: true },
  });
  return { userRedemptions, hasPaid: paid !== null };
}
