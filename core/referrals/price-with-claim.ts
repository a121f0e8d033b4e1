import type { Asset } from '#core/ledger/assets.ts';
import type { TPromoTerms } from './promo-rules.ts';

/**
 * The least a provider will charge, in minor units: nothing is free through a payment provider (Telegram
 * refuses a Stars invoice under 1 Star; a zero card payment is not a payment), so a discount stops here.
 */
export const MIN_CHARGE: Record<Asset, bigint> = { TOKEN: 1n, RUB: 1n, USD: 1n, XTR: 1n, USDT: 1n };

export interface TPrice {
  productId: string;
  amount: bigint;
  currency: Asset;
}

/**
 * What a claimed discount code makes of a price, or null when it does not apply to it (a bonus code,
 * another product, a fixed amount in another currency, nothing to take off). Percent: the floor of
 * amount × percent / 100 off; fixed: `amountOff` off; never below the provider's minimum.
 */
export function priceWithClaim(
  terms: TPromoTerms,
  price: TPrice,
): { amount: bigint; discount: bigint } | null {
  if (terms.productId !== null && terms.productId !== price.productId) return null;
  let off: bigint;
  if (terms.kind === 'percent_discount' && terms.percentOff !== null) {
    off = (price.amount * BigInt(terms.percentOff)) / 100n;
  } else if (
    terms.kind === 'fixed_discount' &&
    terms.amountOff !== null &&
    terms.currency === price.currency
  ) {
    off = terms.amountOff;
  } else {
    return null;
  }
  const most = price.amount - MIN_CHARGE[price.currency];
  const discount = off < most ? off : most;
  if (discount <= 0n) return null;
  return { amount: price.amount - discount, discount };
}
