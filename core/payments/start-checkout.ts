import type { TProduct } from '#core/catalog/product.ts';
import { findProduct } from '#core/catalog/products.ts';
import type { Payment, PaymentProvider, PrismaClient } from '#core/db/generated/client.ts';
import { AppError } from '#core/errors/app-error.ts';
import { checkoutDiscount } from '#core/referrals/usable-claim.ts';
import { checkoutPrice } from './checkout-currency.ts';

/**
 * Opens a payment attempt: the price is fixed now, with the product as it is now. The provider step
 * (invoice, redirect, crypto invoice) follows with the returned payment's id as the reference.
 */
export async function startCheckout(
  db: PrismaClient,
  input: { userId: bigint; productId: string; provider: PaymentProvider },
): Promise<Payment> {
  const product = findProduct(input.productId);
  if (!product) throw new AppError('PRODUCT_NOT_FOUND');
  const price = checkoutPrice(product, input.provider);
  if (!price) throw new AppError('CURRENCY_NOT_SUPPORTED', { provider: input.provider });
  const user = await db.user.findUnique({
    where: { id: input.userId },
    select: { status: true, banReason: true },
  });
  if (!user) throw new AppError('USER_NOT_FOUND');
  if (user.status === 'banned') throw new AppError('USER_BANNED', { reason: user.banReason ?? '' });
  // A claimed discount code that fits this product and currency; it is redeemed only when the payment succeeds.
  const promo = await checkoutDiscount(db, {
    userId: input.userId,
    price: { productId: product.id, ...price },
  });
  return db.payment.create({
    data: {
      userId: input.userId,
      provider: input.provider,
      productId: product.id,
      product: productSnapshot(product),
      amount: promo?.amount ?? price.amount,
      currency: price.currency,
      discount: promo?.discount ?? 0n,
      promoCodeId: promo?.promoCodeId ?? null,
    },
  });
}

/** What a payment keeps of its product: the fulfilment delivers from this, never from today's catalog. */
export const productSnapshot = (product: TProduct) => ({
  id: product.id,
  titleKey: product.titleKey,
  service: product.service,
  fulfilment: product.fulfilment,
});

/** The reference a provider carries back to us (invoice payload, metadata): never trusted without a lookup. */
export const paymentReference = (paymentId: bigint) => `pay:${paymentId}`;

export function parsePaymentReference(reference: string): bigint | null {
  const match = /^pay:(\d{1,19})$/.exec(reference);
  return match?.[1] ? BigInt(match[1]) : null;
}
