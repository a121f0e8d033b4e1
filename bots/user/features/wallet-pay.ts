import { Composer } from 'grammy';
import type { UserBotContext } from '#bots/shared/context.ts';
import type { BotDeps } from '#bots/shared/deps.ts';
import { findProduct } from '#core/catalog/products.ts';
import { formatMoney } from '#core/money/format-money.ts';
import { announcePayment, pendingServiceNote } from '#core/payments/announce-payment.ts';
import { payFromWallet } from '#core/payments/wallet/pay-from-wallet.ts';
import { walletBalance } from '#core/payments/wallet/wallet-balance.ts';
import { walletPay } from '../wallet-pay-callbacks.ts';

/** The "from wallet" button of /buy: pays in place and says what is left (a shortfall is WALLET_INSUFFICIENT). */
export function walletPayFeature(deps: BotDeps) {
  const feature = new Composer<UserBotContext>();
  feature.chatType('private').callbackQuery(walletPay.pattern, async (ctx) => {
    const choice = walletPay.decode(ctx.callbackQuery.data);
    const product = findProduct(choice?.id ?? '');
    if (!choice || !product || !ctx.account)
      return ctx.answerCallbackQuery({ text: ctx.t('button-expired') });
    const userId = ctx.account.id;
    const paid = await payFromWallet(deps.db, {
      userId,
      productId: product.id,
      key: `bot:${userId}:${product.id}:${choice.nonce}`,
    });
    await ctx.answerCallbackQuery();
    if (paid.duplicate) return;
    await announcePayment({ db: deps.db, queue: deps.notifyQueue, translator: deps.translator }, paid, {
      toBuyer: false,
    });
    const text = ctx.t('buy-wallet-paid', {
      amount: formatMoney(paid.payment.amount, 'RUB', ctx.lang),
      product: ctx.t(product.titleKey),
      balance: formatMoney(await walletBalance(deps.db, userId), 'RUB', ctx.lang),
    });
    const pending = await pendingServiceNote(deps, paid.payment, ctx.lang);
    await ctx.editMessageText(pending ? `${text}\n${pending}` : text);
  });
  return feature;
}
