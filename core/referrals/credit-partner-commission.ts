import type { Payment } from '#core/db/generated/client.ts';
import type { Asset } from '#core/ledger/assets.ts';
import type { TTx } from '#core/ledger/ledger-accounts.ts';
import { postTransaction } from '#core/ledger/post-transaction.ts';

export interface TPartnerCommission {
  partnerUserId: bigint;
  amount: bigint;
  currency: Asset;
}

/** The ledger key of a payment's commission; the refund looks it up by this name. */
export const commissionKey = (paymentId: bigint) => `payment:${paymentId}:commission`;

/**
 * Inside the transaction that marks a payment paid: when the buyer came through an active partner's link,
 * the partner earns their percent of what was paid (after any discount), floored to the minor unit, in the
 * payment's currency (Stars too), from revenue into the partner's own balance.
 */
export async function creditPartnerCommission(tx: TTx, payment: Payment): Promise<TPartnerCommission | null> {
  // Wallet money earned the partner their share when it was topped up; spending it pays no second share.
  if (payment.provider === 'wallet') return null;
  const buyer = await tx.user.findUnique({ where: { id: payment.userId }, select: { partnerId: true } });
  if (buyer?.partnerId == null) return null;
  const partner = await tx.partner.findUnique({ where: { id: buyer.partnerId } });
  if (!partner || partner.disabledAt !== null || partner.userId === payment.userId) return null;
  const amount = (payment.amount * BigInt(partner.commissionPercent)) / 100n;
  if (amount <= 0n) return null;
  const posted = await postTransaction(tx, {
    key: commissionKey(payment.id),
    type: 'commission',
    actor: { type: 'system' },
    reason: `partner commission ${partner.commissionPercent}%`,
    metadata: {
      paymentId: payment.id.toString(),
      partnerId: partner.id.toString(),
      percent: partner.commissionPercent,
      buyerId: payment.userId.toString(),
    },
    postings: [
      { account: { platform: 'revenue', asset: payment.currency }, amount: -amount },
      { account: { user: partner.userId, asset: payment.currency }, amount },
    ],
  });
  return posted.duplicate ? null : { partnerUserId: partner.userId, amount, currency: payment.currency };
}
