import type { TProduct } from '#core/catalog/product.ts';
import type { PaymentProvider } from '#core/db/generated/client.ts';
import type { Asset } from '#core/ledger/assets.ts';

/**
 * Which of a product's prices a provider charges: Stars only take XTR; YooKassa takes roubles; Crypto Pay
 * invoices are denominated in fiat (USD or RUB) and paid in crypto at the provider's rate. The wallet is the
 * user's RUB balance, so it takes roubles (core/payments/wallet/pay-from-wallet.ts).
 */
export function checkoutPrice(
  product: TProduct,
  provider: PaymentProvider,
): { amount: bigint; currency: Asset } | null {
  switch (provider) {
    case 'stars':
      return { amount: product.prices.XTR, currency: 'XTR' };
    case 'yookassa':
      return product.prices.RUB ? { amount: product.prices.RUB, currency: 'RUB' } : null;
    case 'cryptobot':
      if (product.prices.USD) return { amount: product.prices.USD, currency: 'USD' };
      return product.prices.RUB ? { amount: product.prices.RUB, currency: 'RUB' } : null;
    case 'wallet':
      // A top-up bought with the wallet's own money would only move it in a circle.
      if (product.fulfilment.kind === 'wallet.topup') return null;
      return product.prices.RUB ? { amount: product.prices.RUB, currency: 'RUB' } : null;
  }
}

/** The providers a checkout opens a page or invoice with; the wallet pays in place (payFromWallet). */
export type TCheckoutProvider = Exclude<PaymentProvider, 'wallet'>;

export const providersFor = (product: TProduct): TCheckoutProvider[] =>
  (['stars', 'yookassa', 'cryptobot'] as const).filter((p) => checkoutPrice(product, p) !== null);
