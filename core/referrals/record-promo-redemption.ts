import type { Payment } from '#core/db/generated/client.ts';
import type { TTx } from '#core/ledger/ledger-accounts.ts';
import { lockPromoCode } from './lock-promo-code.ts';

/**
 * Inside the transaction that marks a payment paid: a discounted payment is the use of its code. The
 * redemption is recorded (once per payment: payment_id is unique), the code's counter moves under its row
 * lock, and the user's claim is consumed. The money was already paid at the discounted price, so a code that
 * ran out while this checkout was open is still recorded here, truthfully, rather than refused.
 */
export async function recordPromoRedemption(tx: TTx, payment: Payment): Promise<boolean> {
  if (payment.promoCodeId === null) return false;
  const promo = await lockPromoCode(tx, { id: payment.promoCodeId });
  if (!promo) return false;
  const inserted = await tx.$executeRaw`
    INSERT INTO promo_redemptions (promo_code_id, user_id, payment_id)
    VALUES (${promo.id}, ${payment.userId}, ${payment.id}) ON CONFLICT (payment_id) DO NOTHING`;
  if (inserted === 0) return false;
  await tx.promoCode.update({ where: { id: promo.id }, data: { redemptionsCount: { increment: 1 } } });
  await tx.promoClaim.deleteMany({ where: { userId: payment.userId, promoCodeId: promo.id } });
  return true;
}
