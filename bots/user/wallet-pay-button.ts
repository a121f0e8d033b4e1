import { randomBytes } from 'node:crypto';
import type { UserBotContext } from '#bots/shared/context.ts';
import type { BotDeps } from '#bots/shared/deps.ts';
import { buyCategory } from '#bots/user/buy-callbacks.ts';
import type { TProduct } from '#core/catalog/product.ts';
import { formatMoney } from '#core/money/format-money.ts';
import { checkoutPrice } from '#core/payments/checkout-currency.ts';
import { walletBalance } from '#core/payments/wallet/wallet-balance.ts';
import { priceWithClaim } from '#core/referrals/price-with-claim.ts';
import type { TUsableClaim } from '#core/referrals/usable-claim.ts';
import { walletPay } from './wallet-pay-callbacks.ts';

/**
 * The wallet's line among the payment methods of /buy: pay from the balance when it covers the RUB price,
 * else how much is missing, leading to the top-up shelf. None for a product the wallet cannot pay for.
 */
export async function walletPayButton(
  ctx: UserBotContext,
  deps: Pick<BotDeps, 'db'>,
  product: TProduct,
  claim: TUsableClaim | null,
): Promise<{ text: string; data: string } | null> {
  const listed = checkoutPrice(product, 'wallet');
  if (!listed || !ctx.account) return null;
  // payFromWallet applies a claimed discount code by the same rule: the button says what will be taken.
  const price = (claim && priceWithClaim(claim.terms, { productId: product.id, ...listed })) || listed;
  const balance = await walletBalance(deps.db, ctx.account.id);
  const money = (amount: bigint) => formatMoney(amount, 'RUB', ctx.lang);
  if (balance >= price.amount)
    return {
      text: ctx.t('buy-method-wallet', { amount: money(price.amount), balance: money(balance) }),
      data: walletPay.encode({ id: product.id, nonce: randomBytes(6).toString('hex') }),
    };
  return {
    text: ctx.t('buy-method-wallet-short', { missing: money(price.amount - balance) }),
    data: buyCategory.encode({ cat: 'wallet-topup' }),
  };
}
