import { centsForRub as centsFor, starsForRub as starsFor } from '#core/catalog/price-rates.ts';
import type { TProduct } from '#core/catalog/product.ts';

/** Top-ups the anchors' VPN bots sell (reference/vpn-bots.md): round sums, paid once, spent on anything. */
export const TOPUP_RUB = [300, 500, 1000, 3000] as const;

export const topupProductId = (rub: number) => `wallet-topup-${rub}`;

/** The top-up shelf: each product credits its RUB price to the buyer's RUB balance, whatever it was paid in. */
export const WALLET_TOPUP_PRODUCTS: readonly TProduct[] = TOPUP_RUB.map((rub) => ({
  id: topupProductId(rub),
  service: 'wallet',
  shelf: 'wallet-topup',
  titleKey: `product-${topupProductId(rub)}`,
  prices: { RUB: BigInt(rub * 100), USD: BigInt(centsFor(rub)), XTR: BigInt(starsFor(rub)) },
  fulfilment: { kind: 'wallet.topup', kopecks: String(rub * 100) },
}));
