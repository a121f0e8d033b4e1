import { findProduct } from '#core/catalog/products.ts';
import type { Payment, PrismaClient } from '#core/db/generated/client.ts';
import { AppError, isAppError } from '#core/errors/app-error.ts';
import { isUniqueViolation, type TTx } from '#core/ledger/ledger-accounts.ts';
import { postTransaction } from '#core/ledger/post-transaction.ts';
import { LEDGER_TX_OPTIONS } from '#core/ledger/spend-tokens.ts';
import { formatMoney } from '#core/money/format-money.ts';
import { checkoutPrice } from '#core/payments/checkout-currency.ts';
import { confirmLockedPayment, type TConfirmation } from '#core/payments/confirm-payment.ts';
import { productSnapshot } from '#core/payments/start-checkout.ts';
import { checkoutDiscount } from '#core/referrals/usable-claim.ts';
import { REGISTRY, type TServiceRegistry } from '#core/services/registry.ts';

export interface TPayFromWallet {
  userId: bigint;
  productId: string;
  /**
   * The caller's idempotency key (a button press, `vpn-autorenew:<user>:<expiry>`): one key, one payment,
   * however many times it is sent. Stored as the payment's providerPaymentId, unique per provider.
   */
  key: string;
  now?: Date;
}

/** What the wallet payment led to; `duplicate`: the key was used before and nothing moved this time. */
export type TWalletPayment = TConfirmation & { duplicate: boolean };

/** The ledger key of the money a wallet payment took from the buyer's balance. */
export const walletDebitKey = (paymentId: bigint) => `payment:${paymentId}:wallet`;

/**
 * Buys a product with the user's RUB balance, in one transaction: the payment row, the debit (never below
 * zero, holds respected), and the same confirmation a provider's payment goes through (confirmLockedPayment:
 * revenue, fulfilment, promo redemption, partner commission, referral bonus). A balance that does not cover
 * the price rolls everything back and throws WALLET_INSUFFICIENT with what is missing. Concurrent payments
 * of one user queue on their ledger row, so they can never spend the same kopeck twice.
 */
export async function payFromWallet(
  db: PrismaClient,
  input: TPayFromWallet,
  registry: TServiceRegistry = REGISTRY,
): Promise<TWalletPayment> {
  const existing = await findByKey(db, input.key);
  if (existing) return duplicateOf(existing, input.userId);
  try {
    return await db.$transaction((tx) => payInTx(tx, input, registry), LEDGER_TX_OPTIONS);
  } catch (error) {
    // The same key raced us and committed first: theirs is the one payment.
    if (!isUniqueViolation(error)) throw error;
    const winner = await findByKey(db, input.key);
    if (!winner) throw error;
    return duplicateOf(winner, input.userId);
  }
}

const findByKey = (db: PrismaClient, key: string) =>
  db.payment.findUnique({
    where: { provider_providerPaymentId: { provider: 'wallet', providerPaymentId: key } },
  });

function duplicateOf(payment: Payment, userId: bigint): TWalletPayment {
  // A key is the caller's; someone else's payment under it is a bug, not a duplicate to hand back.
  if (payment.userId !== userId)
    throw new AppError('PAYMENT_MISMATCH', { expected: 'own key', got: 'other' });
  return { payment, fulfilled: false, referralBonus: null, operations: [], duplicate: true };
}

async function payInTx(tx: TTx, input: TPayFromWallet, registry: TServiceRegistry): Promise<TWalletPayment> {
  const now = input.now ?? new Date();
  const product = findProduct(input.productId);
  if (!product) throw new AppError('PRODUCT_NOT_FOUND');
  const price = checkoutPrice(product, 'wallet');
  if (!price) throw new AppError('CURRENCY_NOT_SUPPORTED', { provider: 'wallet' });
  const user = await tx.user.findUnique({
    where: { id: input.userId },
    select: { status: true, banReason: true, language: true },
  });
  if (!user) throw new AppError('USER_NOT_FOUND');
  if (user.status === 'banned') throw new AppError('USER_BANNED', { reason: user.banReason ?? '' });
  const promo = await checkoutDiscount(tx, {
    userId: input.userId,
    price: { productId: product.id, ...price },
    now,
  });
  const payment = await tx.payment.create({
    data: {
      userId: input.userId,
      provider: 'wallet',
      providerPaymentId: input.key,
      productId: product.id,
      product: productSnapshot(product),
      amount: promo?.amount ?? price.amount,
      currency: price.currency,
      discount: promo?.discount ?? 0n,
      promoCodeId: promo?.promoCodeId ?? null,
    },
  });
  try {
    await postTransaction(tx, {
      key: walletDebitKey(payment.id),
      type: 'spend',
      actor: { type: 'user', id: input.userId },
      reason: `wallet payment ${product.id}`,
      metadata: { paymentId: payment.id.toString(), productId: product.id },
      postings: [
        { account: { user: input.userId, asset: price.currency }, amount: -payment.amount },
        { account: { platform: 'external:wallet', asset: price.currency }, amount: payment.amount },
      ],
    });
  } catch (error) {
    if (!isAppError(error, 'INSUFFICIENT_FUNDS')) throw error;
    const missing = payment.amount - (await availableIn(tx, input.userId));
    throw new AppError('WALLET_INSUFFICIENT', {
      missing: formatMoney(missing, 'RUB', user.language),
      missingMinor: missing.toString(),
    });
  }
  const confirmed = await confirmLockedPayment(
    tx,
    {
      paymentId: payment.id,
      provider: 'wallet',
      providerPaymentId: input.key,
      amount: payment.amount,
      currency: payment.currency,
      raw: { wallet: true, key: input.key },
      now,
    },
    registry,
  );
  return { ...confirmed, duplicate: false };
}

async function availableIn(tx: TTx, userId: bigint): Promise<bigint> {
  const account = await tx.ledgerAccount.findUnique({ where: { userId_asset: { userId, asset: 'RUB' } } });
  return account ? account.balance - account.held : 0n;
}
