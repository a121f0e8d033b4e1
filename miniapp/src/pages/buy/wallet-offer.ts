import type { TCatalogProduct } from '../../../../server/contracts/catalog.ts';
import type { TWallet } from '../../../../server/contracts/wallet.ts';

/** The shelf of the wallet's own top-ups (core/payments/wallet/wallet-topup-products.ts). */
export const TOPUP_SHELF = 'wallet-topup';

export type TWalletOffer =
  | { kind: 'pay'; amount: bigint; fullAmount: bigint | null; balance: bigint }
  | { kind: 'short'; amount: bigint; missing: bigint; balance: bigint };

/**
 * What the wallet can do for a product, by the bot's rule (bots/user/wallet-pay-button.ts): nothing for a
 * product without a RUB price or for a top-up itself (money moved in a circle); else pay when the available
 * RUB covers the price, or say what is missing. The catalog's RUB price already carries a claimed discount
 * code (its `fullAmount` is the list price), the same rule payFromWallet charges by.
 */
export function walletOffer(product: TCatalogProduct, money: TWallet['money']): TWalletOffer | null {
  const price = product.prices.find((p) => p.currency === 'RUB');
  if (!price || product.category === TOPUP_SHELF) return null;
  const balance = BigInt(money.find((m) => m.asset === 'RUB')?.available ?? '0');
  const amount = BigInt(price.amount);
  if (balance >= amount)
    return {
      kind: 'pay',
      amount,
      fullAmount: price.fullAmount === undefined ? null : BigInt(price.fullAmount),
      balance,
    };
  return { kind: 'short', amount, missing: amount - balance, balance };
}
