import type { PrismaClient } from '#core/db/generated/client.ts';
import { parsePaymentReference } from '#core/payments/start-checkout.ts';

export type TPreCheckoutVerdict =
  | { ok: true; paymentId: bigint }
  | { ok: false; reason: 'unknown' | 'not_yours' | 'not_pending' | 'mismatch' | 'banned' };

/**
 * Telegram asks before taking the Stars (pre_checkout_query) and waits at most 10 seconds for the answer:
 * the check is a couple of indexed reads. A payment that is not this user's, not pending, or not exactly
 * the price we set is refused, and nothing is charged.
 */
export async function validatePreCheckout(
  db: PrismaClient,
  query: { payload: string; currency: string; totalAmount: number; userId: bigint },
): Promise<TPreCheckoutVerdict> {
  const paymentId = parsePaymentReference(query.payload);
  if (paymentId === null) return { ok: false, reason: 'unknown' };
  const payment = await db.payment.findUnique({
    where: { id: paymentId },
    include: { user: { select: { status: true } } },
  });
  if (payment?.provider !== 'stars') return { ok: false, reason: 'unknown' };
  if (payment.userId !== query.userId) return { ok: false, reason: 'not_yours' };
  if (payment.user.status === 'banned') return { ok: false, reason: 'banned' };
  if (payment.status !== 'pending') return { ok: false, reason: 'not_pending' };
  if (query.currency !== 'XTR' || BigInt(query.totalAmount) !== payment.amount)
    return { ok: false, reason: 'mismatch' };
  return { ok: true, paymentId };
}
