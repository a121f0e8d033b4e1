import type { TProduct } from '#core/catalog/product.ts';
import { findProduct } from '#core/catalog/products.ts';
import { isPaidTier, planProductId } from '../plans.ts';

/**
 * The plan an auto-renewal buys: the one chosen when it was switched on, else 30 days of the current tier.
 * A trial has no tier to renew, and a product without a RUB price cannot be paid from the wallet.
 */
export function autoRenewProduct(sub: { tier: string; autoRenewProduct: string | null }): TProduct | null {
  const id = sub.autoRenewProduct ?? (isPaidTier(sub.tier) ? planProductId(sub.tier, 30) : null);
  const product = id ? findProduct(id) : undefined;
  // Only a plan moves the expiry on; anything else chosen here would be charged and leave the VPN to lapse.
  return product?.prices.RUB && product.fulfilment.kind === 'vpn.plan' ? product : null;
}
