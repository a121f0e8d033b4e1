import type { Payment } from '#core/db/generated/client.ts';
import type { TTx } from '#core/ledger/ledger-accounts.ts';
import { lockSubscription } from './subscription-store.ts';

const DAY_MS = 86_400_000;

/**
 * A refunded plan takes back its days in proportion to the money returned (all of them for a full refund),
 * never ending access before now; the period row records what was taken. A refund of a payment that added no
 * period (already shortened, or not a VPN plan) changes nothing.
 */
export async function shortenForRefund(
  tx: TTx,
  ctx: {
    payment: Payment;
    refund: { amount: bigint; refundedBefore: bigint; full: boolean };
    now: Date;
  },
): Promise<{ version: number; daysRemoved: number; expiresAt: Date } | null> {
  const period = await tx.vpnPeriod.findUnique({ where: { paymentId: ctx.payment.id } });
  const current = await lockSubscription(tx, ctx.payment.userId);
  if (!period || !current) return null;
  const paid = ctx.payment.amount;
  const share = paid > 0n ? Number(ctx.refund.amount) / Number(paid) : 1;
  const removeMs = Math.round(period.days * DAY_MS * Math.min(1, share));
  const floor = ctx.now.getTime();
  const expiresAt = new Date(Math.max(floor, current.expiresAt.getTime() - removeMs));
  const row = await tx.vpnSubscription.update({
    where: { userId: ctx.payment.userId },
    data: { expiresAt, version: { increment: 1 } },
  });
  if (ctx.refund.full) await tx.vpnPeriod.update({ where: { id: period.id }, data: { revokedAt: ctx.now } });
  return {
    version: row.version,
    daysRemoved: Math.round(((current.expiresAt.getTime() - expiresAt.getTime()) / DAY_MS) * 10) / 10,
    expiresAt,
  };
}
