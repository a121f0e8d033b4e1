import type { Payment, PaymentProvider, Prisma, PrismaClient } from '#core/db/generated/client.ts';
import { AppError } from '#core/errors/app-error.ts';
import type { Asset } from '#core/ledger/assets.ts';
import type { TTx } from '#core/ledger/ledger-accounts.ts';
import { postTransaction } from '#core/ledger/post-transaction.ts';
import { LEDGER_TX_OPTIONS } from '#core/ledger/spend-tokens.ts';
import { creditPartnerCommission } from '#core/referrals/credit-partner-commission.ts';
import { recordPromoRedemption } from '#core/referrals/record-promo-redemption.ts';
import { creditReferralBonus, type TReferralBonus } from '#core/referrals/referral-bonus.ts';
import { REGISTRY, type TServiceRegistry } from '#core/services/registry.ts';
import { fulfilProduct } from './fulfil-product.ts';

export interface TProviderConfirmation {
  paymentId: bigint;
  provider: PaymentProvider;
  providerPaymentId: string;
  /** What the provider says was paid: must equal what we asked for, to the minor unit. */
  amount: bigint;
  currency: Asset;
  raw: Prisma.InputJsonValue;
  now?: Date;
}

export interface TConfirmation {
  payment: Payment;
  fulfilled: boolean;
  referralBonus: TReferralBonus | null;
  /** Outbox rows the fulfilment asked for (performed by the worker after commit). */
  operations: bigint[];
}

/**
 * Marks a payment paid and delivers the product, once. Called only with a verified provider confirmation
 * (Telegram update, re-fetched YooKassa payment, HMAC-checked Crypto Pay webhook). A second delivery of the
 * same confirmation finds the payment already succeeded and returns it with `fulfilled: false`; a confirmation
 * that does not match the payment (amount, currency, provider) changes nothing.
 */
export async function confirmPayment(
  db: PrismaClient,
  input: TProviderConfirmation,
  registry: TServiceRegistry = REGISTRY,
): Promise<TConfirmation> {
  return db.$transaction(async (tx) => {
    const locked = await tx.$queryRaw<
      { id: bigint }[]
    >`SELECT id FROM payments WHERE id = ${input.paymentId} FOR UPDATE`;
    if (!locked[0]) throw new AppError('PAYMENT_NOT_FOUND');
    return confirmLockedPayment(tx, input, registry);
  }, LEDGER_TX_OPTIONS);
}

/**
 * confirmPayment for a confirmation that is not the live one (the Stars reconciliation): while someone else
 * holds the payment row, normally the bot handling Telegram's own update of it, it returns null at once
 * instead of queueing behind them, so that handler books the payment and answers the buyer itself.
 */
export async function confirmPaymentUnlessBusy(
  db: PrismaClient,
  input: TProviderConfirmation,
  registry: TServiceRegistry = REGISTRY,
): Promise<TConfirmation | null> {
  return db.$transaction(async (tx) => {
    const locked = await tx.$queryRaw<
      { id: bigint }[]
    >`SELECT id FROM payments WHERE id = ${input.paymentId} FOR UPDATE SKIP LOCKED`;
    if (locked[0]) return confirmLockedPayment(tx, input, registry);
    if ((await tx.payment.count({ where: { id: input.paymentId } })) === 0)
      throw new AppError('PAYMENT_NOT_FOUND');
    return null;
  }, LEDGER_TX_OPTIONS);
}

/**
 * The payment row is locked by the caller's transaction. Shared by every way a payment becomes paid (provider
 * confirmations here, wallet payments in core/payments/wallet/), so fulfilment, promo redemption, partner
 * commission and referral bonus behave the same whoever took the money.
 */
export async function confirmLockedPayment(
  tx: TTx,
  input: TProviderConfirmation,
  registry: TServiceRegistry,
): Promise<TConfirmation> {
  const now = input.now ?? new Date();
  const payment = await tx.payment.findUniqueOrThrow({ where: { id: input.paymentId } });
  if (
    payment.provider !== input.provider ||
    payment.amount !== input.amount ||
    payment.currency !== input.currency
  ) {
    throw new AppError('PAYMENT_MISMATCH', {
      expected: `${payment.amount} ${payment.currency} ${payment.provider}`,
      got: `${input.amount} ${input.currency} ${input.provider}`,
    });
  }
  if (payment.status !== 'pending') {
    if (payment.providerPaymentId === input.providerPaymentId)
      return { payment, fulfilled: false, referralBonus: null, operations: [] };
    throw new AppError('PAYMENT_NOT_PENDING', { status: payment.status });
  }
  const paid = await tx.payment.update({
    where: { id: payment.id },
    data: { status: 'succeeded', providerPaymentId: input.providerPaymentId, paidAt: now, raw: input.raw },
  });
  await postTransaction(tx, {
    key: `payment:${payment.id}:money`,
    type: 'topup',
    actor: { type: 'user', id: payment.userId },
    reason: `payment ${payment.provider} ${payment.productId}`,
    metadata: { paymentId: payment.id.toString(), providerPaymentId: input.providerPaymentId },
    postings: [
      {
        account: { platform: `external:${payment.provider}`, asset: payment.currency },
        amount: -payment.amount,
      },
      { account: { platform: 'revenue', asset: payment.currency }, amount: payment.amount },
    ],
  });
  const operations = await fulfilProduct(tx, paid, now, registry);
  await recordPromoRedemption(tx, paid);
  await creditPartnerCommission(tx, paid);
  const referralBonus = await creditReferralBonus(tx, paid);
  return { payment: paid, fulfilled: true, referralBonus, operations };
}

/** A payment the provider reports as canceled or failed; a paid one is never un-paid this way. */
export async function failPayment(
  db: PrismaClient,
  paymentId: bigint,
  reason: string,
): Promise<Payment | null> {
  const updated = await db.payment.updateMany({
    where: { id: paymentId, status: 'pending' },
    data: { status: 'canceled', failureReason: reason.slice(0, 500) },
  });
  return updated.count > 0 ? db.payment.findUnique({ where: { id: paymentId } }) : null;
}
