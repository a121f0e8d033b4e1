import { findProduct } from '#core/catalog/products.ts';
import type { Payment, PaymentProvider, PrismaClient } from '#core/db/generated/client.ts';
import { AppError, isAppError } from '#core/errors/app-error.ts';
import type { TLang, Translator } from '#core/i18n/translator.ts';
import type { Logger } from '#core/logging/logger.ts';
import { checkoutPrice } from './checkout-currency.ts';
import { failPayment } from './confirm-payment.ts';
import type { PaymentGateways } from './payment-gateway.ts';
import { startCheckout } from './start-checkout.ts';

export interface TOpenCheckoutInput {
  userId: bigint;
  productId: string;
  provider: PaymentProvider;
  /** The buyer's language: the provider shows the product's title in it. */
  lang: TLang;
  /** Where the provider sends the buyer back after paying. */
  returnUrl: string;
  email?: string | null;
}

/**
 * Opens a checkout end to end, for the bot and the Mini App alike. The product and the method are checked
 * before a payment row exists, so a method that cannot be opened leaves nothing pending; startCheckout fixes
 * the price (claimed discount included); the provider opens its side and what it returned is recorded on
 * the payment. A provider that refuses or fails cancels the payment (a pending one would wait forever for a
 * confirmation) and becomes PROVIDER_ERROR.
 */
export async function openCheckout(
  deps: {
    db: PrismaClient;
    gateways: PaymentGateways;
    translator: Translator;
    logger: Pick<Logger, 'error'>;
  },
  input: TOpenCheckoutInput,
): Promise<{ payment: Payment; confirmationUrl: string }> {
  const product = findProduct(input.productId);
  if (!product) throw new AppError('PRODUCT_NOT_FOUND');
  const gateway = deps.gateways[input.provider];
  if (!gateway || !checkoutPrice(product, input.provider))
    throw new AppError('CURRENCY_NOT_SUPPORTED', { provider: input.provider });
  const payment = await startCheckout(deps.db, {
    userId: input.userId,
    productId: product.id,
    provider: input.provider,
  });

  let opened: Awaited<ReturnType<typeof gateway.open>>;
  try {
    opened = await gateway.open(payment, {
      description: deps.translator.t(input.lang, product.titleKey),
      lang: input.lang,
      returnUrl: input.returnUrl,
      email: input.email,
    });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    await failPayment(deps.db, payment.id, `the provider did not open the checkout: ${reason}`);
    if (isAppError(error)) throw error;
    deps.logger.error(
      { err: error, paymentId: payment.id.toString(), provider: input.provider },
      'checkout open failed',
    );
    throw new AppError('PROVIDER_ERROR', { provider: input.provider });
  }
  const recorded = await deps.db.payment.update({
    where: { id: payment.id },
    data: {
      confirmationUrl: opened.confirmationUrl,
      ...(opened.providerPaymentId ? { providerPaymentId: opened.providerPaymentId } : {}),
    },
  });
  return { payment: recorded, confirmationUrl: opened.confirmationUrl };
}
