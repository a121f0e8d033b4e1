import { Composer, InlineKeyboard } from 'grammy';
import type { UserBotContext } from '#bots/shared/context.ts';
import type { BotDeps } from '#bots/shared/deps.ts';
import { createChatStarsGateway } from '#bots/shared/stars-gateway.ts';
import { BUY_ROOT, buyCategory, buyMethod, buyProduct } from '#bots/user/buy-callbacks.ts';
import { vpnPurchaseNote } from '#bots/user/vpn/vpn-purchase-note.ts';
import { walletPayButton } from '#bots/user/wallet-pay-button.ts';
import { findProduct, PRODUCTS, SHELVES } from '#core/catalog/products.ts';
import { formatMoney } from '#core/money/format-money.ts';
import { checkoutPrice, providersFor } from '#core/payments/checkout-currency.ts';
import { openCheckout } from '#core/payments/open-checkout.ts';
import { priceWithClaim } from '#core/referrals/price-with-claim.ts';
import { loadUsableClaim } from '#core/referrals/usable-claim.ts';

export function buyCategoriesKeyboard(ctx: UserBotContext): InlineKeyboard {
  const keyboard = new InlineKeyboard();
  for (const cat of SHELVES) keyboard.text(ctx.t(`buy-category-${cat}`), buyCategory.encode({ cat })).row();
  return keyboard;
}

/** `/buy`: category → product → payment method → Stars invoice in the chat, or a button to the provider's page. */
export function buyFeature(deps: BotDeps) {
  const feature = new Composer<UserBotContext>();
  const chats = feature.chatType('private');

  const categories = buyCategoriesKeyboard;
  chats.command('buy', (ctx) => ctx.reply(ctx.t('buy-choose-category'), { reply_markup: categories(ctx) }));
  chats.callbackQuery(BUY_ROOT, async (ctx) => {
    await ctx.answerCallbackQuery();
    await ctx.editMessageText(ctx.t('buy-choose-category'), { reply_markup: categories(ctx) });
  });

  chats.callbackQuery(buyCategory.pattern, async (ctx) => {
    const choice = buyCategory.decode(ctx.callbackQuery.data);
    if (!choice) return ctx.answerCallbackQuery({ text: ctx.t('button-expired') });
    const keyboard = new InlineKeyboard();
    for (const product of PRODUCTS.filter((p) => p.shelf === choice.cat)) {
      const price = checkoutPrice(product, product.prices.RUB ? 'yookassa' : 'cryptobot');
      const label = price
        ? `${ctx.t(product.titleKey)} · ${formatMoney(price.amount, price.currency, ctx.lang)}`
        : ctx.t(product.titleKey);
      keyboard.text(label, buyProduct.encode({ id: product.id })).row();
    }
    keyboard.text(ctx.t('buy-back'), BUY_ROOT);
    await ctx.answerCallbackQuery();
    await ctx.editMessageText(ctx.t('buy-choose-product'), { reply_markup: keyboard });
  });

  chats.callbackQuery(buyProduct.pattern, async (ctx) => {
    const product = findProduct(buyProduct.decode(ctx.callbackQuery.data)?.id ?? '');
    if (!product) return ctx.answerCallbackQuery({ text: ctx.t('button-expired') });
    const keyboard = new InlineKeyboard();
    // A claimed discount code shows in the prices; startCheckout applies the same rule to the payment.
    const claim = ctx.account ? await loadUsableClaim(deps.db, ctx.account.id) : null;
    let discounted = false;
    for (const provider of providersFor(product).filter((p) => p === 'stars' || deps.gateways[p])) {
      const price = checkoutPrice(product, provider);
      if (!price) continue;
      const offer = claim ? priceWithClaim(claim.terms, { productId: product.id, ...price }) : null;
      const full = formatMoney(price.amount, price.currency, ctx.lang);
      const amount = offer
        ? ctx.t('promo-price', { amount: formatMoney(offer.amount, price.currency, ctx.lang), full })
        : full;
      discounted ||= offer !== null;
      keyboard
        .text(ctx.t(`buy-method-${provider}`, { amount }), buyMethod.encode({ id: product.id, provider }))
        .row();
    }
    const wallet = await walletPayButton(ctx, deps, product, claim);
    if (wallet) keyboard.text(wallet.text, wallet.data).row();
    keyboard.text(ctx.t('buy-back'), buyCategory.encode({ cat: product.shelf }));
    await ctx.answerCallbackQuery();
    const text = ctx.t('buy-choose-method', { product: ctx.t(product.titleKey) });
    const note = discounted && claim ? `\n${ctx.t('promo-buy-applies', { code: claim.code })}` : '';
    const vpnNote = await vpnPurchaseNote(ctx, deps.db, product);
    await ctx.editMessageText(text + note + vpnNote, { parse_mode: 'HTML', reply_markup: keyboard });
  });

  chats.callbackQuery(buyMethod.pattern, async (ctx) => {
    const choice = buyMethod.decode(ctx.callbackQuery.data);
    const product = findProduct(choice?.id ?? '');
    if (!choice || !product || !ctx.account)
      return ctx.answerCallbackQuery({ text: ctx.t('button-expired') });
    const chatUrl = `https://t.me/${ctx.me.username}`;
    // In the chat a Stars invoice is a message paid in place; the other methods are pages behind a link.
    const stars = createChatStarsGateway(ctx.api, deps.translator, { id: ctx.chat.id, url: chatUrl });
    const { payment, confirmationUrl } = await openCheckout(
      { db: deps.db, gateways: { ...deps.gateways, stars }, translator: deps.translator, logger: ctx.log },
      {
        userId: ctx.account.id,
        productId: product.id,
        provider: choice.provider,
        lang: ctx.lang,
        returnUrl: deps.config.PAYMENT_RETURN_URL ?? chatUrl,
        email: ctx.account.email,
      },
    );
    await ctx.answerCallbackQuery();
    if (choice.provider === 'stars') return;
    const amount = formatMoney(payment.amount, payment.currency, ctx.lang);
    await ctx.reply(ctx.t('buy-open-link', { product: ctx.t(product.titleKey), amount }), {
      parse_mode: 'HTML',
      reply_markup: new InlineKeyboard().url(ctx.t('buy-pay-button', { amount }), confirmationUrl),
    });
  });
  return feature;
}
