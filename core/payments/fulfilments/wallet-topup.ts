import { z } from 'zod';
import type { TTx } from '#core/ledger/ledger-accounts.ts';
import { postTransaction } from '#core/ledger/post-transaction.ts';
import { defineFulfilment, NOTHING_REVERSED } from '#core/services/service-module.ts';

/** The ledger key of the money a top-up payment put in the wallet: one credit per payment. */
export const topupCreditKey = (paymentId: bigint) => `payment:${paymentId}:wallet-topup`;

/**
 * Money for the wallet: the product's RUB amount (kopecks) onto the buyer's RUB balance, from revenue, so
 * a top-up is not income until it is spent (a wallet payment brings it back to revenue). Whatever the buyer
 * paid with (Stars, card, crypto), the wallet holds roubles.
 */
export const walletTopupFulfilment = defineFulfilment({
  kind: 'wallet.topup',
  params: z.object({ kopecks: z.string().regex(/^[1-9]\d{0,14}$/) }),
  async fulfil(tx, { payment, params }) {
    const amount = BigInt(params.kopecks);
    await postTransaction(tx, {
      key: topupCreditKey(payment.id),
      type: 'topup',
      actor: { type: 'user', id: payment.userId },
      reason: `wallet top-up ${payment.productId}`,
      metadata: { paymentId: payment.id.toString(), productId: payment.productId },
      postings: [
        { account: { platform: 'revenue', asset: 'RUB' }, amount: -amount },
        { account: { user: payment.userId, asset: 'RUB' }, amount },
      ],
    });
  },
  /**
   * Takes back the refunded share of the top-up from what is still available; money already spent is the
   * recorded shortfall (ledger metadata and the refund's audit row), never taken by driving the balance
   * below zero, as token packs do with spent tokens.
   */
  async reverse(tx, ctx) {
    const { payment, refund } = ctx;
    const due = (BigInt(ctx.params.kopecks) * refund.amount) / payment.amount;
    const available = await lockedAvailable(tx, payment.userId);
    const clawed = available < due ? (available > 0n ? available : 0n) : due;
    const shortfall = due - clawed;
    if (clawed > 0n)
      await postTransaction(tx, {
        key: `refund:${refund.id}:wallet-topup`,
        type: 'reversal',
        actor: ctx.actor,
        reason: ctx.reason,
        metadata: {
          paymentId: payment.id.toString(),
          refundId: refund.id.toString(),
          shortfall: shortfall.toString(),
        },
        postings: [
          { account: { user: payment.userId, asset: 'RUB' }, amount: -clawed },
          { account: { platform: 'revenue', asset: 'RUB' }, amount: clawed },
        ],
      });
    return {
      ...NOTHING_REVERSED,
      details: { walletClawedBack: clawed.toString(), walletShortfall: shortfall.toString() },
    };
  },
});

/** The RUB balance less holds, with the row locked until the refund commits. */
async function lockedAvailable(tx: TTx, userId: bigint): Promise<bigint> {
  const rows = await tx.$queryRaw<{ available: bigint }[]>`
    SELECT balance - held AS available FROM ledger_accounts
    WHERE user_id = ${userId} AND asset = 'RUB'::"Asset" FOR UPDATE`;
  return rows[0]?.available ?? 0n;
}
