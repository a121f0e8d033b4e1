import type { Payment } from '#core/db/generated/client.ts';
import type { TTx } from '#core/ledger/ledger-accounts.ts';
import { postTransaction } from '#core/ledger/post-transaction.ts';
import { commissionKey } from './credit-partner-commission.ts';

export interface TCommissionReversal {
  partnerUserId: bigint;
  /** This refund's share of the commission. */
  due: bigint;
  /** What was taken back from the partner's available balance. */
  reversed: bigint;
  /** What the partner had already withdrawn (or reserved for a payout) and so could not be taken back. */
  shortfall: bigint;
}

/**
 * Inside a refund's transaction: the partner gives back the refunded share of the payment's commission. The
 * shares are computed on the running refunded total (floor(c × after / amount) − floor(c × before / amount)),
 * so partial refunds add up to exactly the commission. The debit never overdraws the partner: what they no
 * longer have is returned as the shortfall for the refund's records, not taken by driving them negative.
 */
export async function reversePartnerCommission(
  tx: TTx,
  input: {
    payment: Payment;
    refundId: bigint;
    refundedBefore: bigint;
    refundedAfter: bigint;
    actorId: bigint;
    reason: string;
  },
): Promise<TCommissionReversal | null> {
  const { payment } = input;
  const earned = await tx.ledgerTransaction.findUnique({
    where: { idempotencyKey: commissionKey(payment.id) },
    include: { entries: { include: { account: true } } },
  });
  const credit = earned?.entries.find((e) => e.amount > 0n && e.account.userId !== null);
  if (!credit || credit.account.userId === null) return null;
  const partnerUserId = credit.account.userId;
  const share = (refunded: bigint) => (credit.amount * refunded) / payment.amount;
  const due = share(input.refundedAfter) - share(input.refundedBefore);
  if (due <= 0n) return { partnerUserId, due: 0n, reversed: 0n, shortfall: 0n };

  const locked = await tx.$queryRaw<{ balance: bigint; held: bigint }[]>`
    SELECT balance, held FROM ledger_accounts WHERE id = ${credit.accountId} FOR UPDATE`;
  const available = (locked[0]?.balance ?? 0n) - (locked[0]?.held ?? 0n);
  const reversed = available <= 0n ? 0n : available < due ? available : due;
  const shortfall = due - reversed;
  if (reversed > 0n) {
    await postTransaction(tx, {
      key: `refund:${input.refundId}:commission`,
      type: 'reversal',
      actor: { type: 'admin', id: input.actorId },
      reason: input.reason,
      metadata: {
        paymentId: payment.id.toString(),
        refundId: input.refundId.toString(),
        due: due.toString(),
        shortfall: shortfall.toString(),
      },
      postings: [
        { account: { user: partnerUserId, asset: credit.asset }, amount: -reversed },
        { account: { platform: 'revenue', asset: credit.asset }, amount: reversed },
      ],
    });
  }
  return { partnerUserId, due, reversed, shortfall };
}
