import type { FastifyInstance } from 'fastify';
import type { TProduct } from '#core/catalog/product.ts';
import { PRODUCTS } from '#core/catalog/products.ts';
import { AppError } from '#core/errors/app-error.ts';
import { checkoutPrice, providersFor } from '#core/payments/checkout-currency.ts';
import { openCheckout } from '#core/payments/open-checkout.ts';
import { priceWithClaim } from '#core/referrals/price-with-claim.ts';
import { loadUsableClaim, type TUsableClaim } from '#core/referrals/usable-claim.ts';
import {
  type TCatalog,
  type TCheckout,
  type TPaymentStatus,
  type TPrice,
  ZCheckoutRequestSchema,
} from '#server/contracts/catalog.ts';
import type { ServerDeps } from '#server/deps.ts';

/**
 * Prices in the providers that are configured here and take the product's currency, with the claimed
 * discount code applied by the same rule startCheckout uses, so the page shows what the invoice will say.
 */
export function pricesOf(product: TProduct, deps: ServerDeps, claim: TUsableClaim | null): TPrice[] {
  return providersFor(product).flatMap((provider) => {
    const price = deps.gateways[provider] ? checkoutPrice(product, provider) : null;
    if (!price) return [];
    const offer = claim ? priceWithClaim(claim.terms, { productId: product.id, ...price }) : null;
    return [
      offer
        ? {
            provider,
            amount: offer.amount.toString(),
            currency: price.currency,
            fullAmount: price.amount.toString(),
          }
        : { provider, amount: price.amount.toString(), currency: price.currency },
    ];
  });
}

/**
 * GET /api/catalog, POST /api/checkout (opens a payment and the provider's side of it), and
 * GET /api/checkout/:paymentId (the page polls it until the bot or a webhook has confirmed the payment).
 */
export function catalogRoutes(app: FastifyInstance, deps: ServerDeps) {
  app.get('/api/catalog', async (request): Promise<TCatalog> => {
    if (!request.account) throw new AppError('UNAUTHORIZED');
    const claim = await loadUsableClaim(deps.db, request.account.id);
    const products = PRODUCTS.map((product) => ({
      id: product.id,
      category: product.shelf,
      titleKey: product.titleKey,
      prices: pricesOf(product, deps, claim),
    }));
    return { products: products.filter((p) => p.prices.length > 0), promoCode: claim?.code ?? null };
  });

  app.post('/api/checkout', async (request): Promise<TCheckout> => {
    const account = request.account;
    if (!account) throw new AppError('UNAUTHORIZED');
    const body = ZCheckoutRequestSchema.safeParse(request.body);
    if (!body.success) throw new AppError('INVALID_INPUT');
    const { productId, provider } = body.data;
    const { payment, confirmationUrl } = await openCheckout(
      { db: deps.db, gateways: deps.gateways, translator: deps.translator, logger: request.log },
      {
        userId: account.id,
        productId,
        provider,
        lang: account.language,
        returnUrl: deps.config.PAYMENT_RETURN_URL ?? `https://t.me/${deps.userBotUsername}`,
        email: account.email,
      },
    );
    return { paymentId: payment.id.toString(), provider, url: confirmationUrl };
  });

  app.get<{ Params: { paymentId: string } }>('/api/checkout/:paymentId', async (request) => {
    const account = request.account;
    if (!account) throw new AppError('UNAUTHORIZED');
    if (!/^\d{1,19}$/.test(request.params.paymentId)) throw new AppError('INVALID_INPUT');
    const payment = await deps.db.payment.findUnique({
      where: { id: BigInt(request.params.paymentId) },
      select: { id: true, userId: true, status: true },
    });
    // Someone else's payment is "not found", not "forbidden": ids are sequential and must not be probed.
    if (!payment || payment.userId !== account.id) throw new AppError('PAYMENT_NOT_FOUND');
    const body: TPaymentStatus = { paymentId: payment.id.toString(), status: payment.status };
    return body;
  });
}
