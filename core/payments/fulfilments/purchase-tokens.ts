import type { Payment } from '#core/db/generated/client.ts';
import type { TTx } from '#core/ledger/ledger-accounts.ts';
import { postTransaction } from '#core/ledger/post-transaction.ts';
import { creditTokens } from '#core/ledger/token-grants.ts';
import type { TReversal, TReverseContext } from '#core/services/service-module.ts';

/** The ledger key of the tokens a payment bought: one grant per payment. */
const purchaseTokensKey = (paymentId: bigint) => `payment:${paymentId}:tokens`;

/** The grant of tokens a payment bought, if its product credited any (refunds and referral bonuses read it). */
export async function purchaseGrant(tx: TTx, paymentId: bigint) {
  const purchase = await tx.ledgerTransaction.findUnique({
    where: { idempotencyKey: purchaseTokensKey(paymentId) },
    include: { grants: true },
  });
  return purchase?.grants[0] ?? null;
}

/** Credits the tokens a payment bought, as one grant (perpetual, or expiring with a subscription). */
export function creditPurchaseTokens(
  tx: TTx,
  input: { payment: Payment; tokens: bigint; expiresAt: Date | null; source: 'purchase' | 'subscription' },
) {
  const { payment } = input;
  return creditTokens(tx, {
    key: purchaseTokensKey(payment.id),
    userId: payment.userId,
    type: 'topup',
    actor: { type: 'user', id: payment.userId },
    metadata: { paymentId: payment.id.toString(), productId: payment.productId },
    amount: input.tokens,
    source: input.source,
    expiresAt: input.expiresAt,
    reason: `${input.source} ${payment.productId}`,
  });
}

/**
 * Takes back the purchase's tokens in proportion to the refunded share (a half refund takes half the tokens)
 * from what is left of its grant. Tokens already spent are the recorded shortfall, never taken by driving
 * the balance below zero.
 */
export async function clawBackPurchaseTokens(tx: TTx, ctx: TReverseContext<unknown>): Promise<TReversal> {
  const { payment, refund } = ctx;
  const grant = await purchaseGrant(tx, payment.id);
  if (!grant) return { tokensClawedBack: 0n, tokensShortfall: 0n };
  const due = (grant.amount * refund.amount) / payment.amount;
  const locked = await tx.$queryRaw<
    { remaining: bigint }[]
  >`SELECT remaining FROM token_grants WHERE id = ${grant.id} FOR UPDATE`;
  const remaining = locked[0]?.remaining ?? 0n;
  const clawed = remaining < due ? remaining : due;
  const shortfall = due - clawed;
  if (clawed > 0n) {
    await postTransaction(tx, {
      key: `refund:${refund.id}:tokens`,
      type: 'reversal',
      actor: ctx.actor,
      reason: ctx.reason,
      metadata: {
        paymentId: payment.id.toString(),
        refundId: refund.id.toString(),
        shortfall: shortfall.toString(),
      },
      debitLimit: 'balance',
      postings: [
        { account: { user: payment.userId, asset: 'TOKEN' }, amount: -clawed },
        { account: { platform: 'issuance', asset: 'TOKEN' }, amount: clawed },
      ],
    });
    await tx.tokenGrant.update({ where: { id: grant.id }, data: { remaining: { decrement: clawed } } });
  }
  return { tokensClawedBack: clawed, tokensShortfall: shortfall };
}
