import { Composer } from 'grammy';
import type { UserBotContext } from '#bots/shared/context.ts';
import { formatUtc } from '#bots/shared/format.ts';
import { findProduct } from '#core/catalog/products.ts';
import type { PrismaClient } from '#core/db/create-prisma.ts';
import { getWallet } from '#core/ledger/wallet.ts';
import { formatMoney, formatTokens } from '#core/money/format-money.ts';

export async function renderWallet(ctx: UserBotContext, db: PrismaClient): Promise<string> {
  const account = ctx.account;
  if (!account) return ctx.t('error-user-not-found');
  const lang = account.language;
  const wallet = await getWallet(db, account.id);
  const lines = [
    ctx.t('wallet-title'),
    '',
    ctx.t('wallet-tokens', { available: formatTokens(wallet.tokens.available, lang) }),
  ];
  if (wallet.tokens.held > 0n)
    lines.push(ctx.t('wallet-tokens-held', { held: formatTokens(wallet.tokens.held, lang) }));
  if (wallet.grants.length > 0) {
    lines.push('', ctx.t('wallet-grants-title'));
    for (const grant of wallet.grants) {
      const remaining = formatTokens(grant.remaining, lang);
      lines.push(
        grant.expiresAt
          ? ctx.t('wallet-grant-expiring', { remaining, until: formatUtc(grant.expiresAt) })
          : ctx.t('wallet-grant-perpetual', { remaining }),
      );
    }
  } else {
    lines.push('', ctx.t('wallet-empty'));
  }
  for (const e of wallet.entitlements) {
    const product = findProduct(e.productId);
    lines.push(
      e.kind === 'ai_unlimited'
        ? ctx.t('wallet-unlimited', { until: formatUtc(e.endsAt) })
        : ctx.t('wallet-subscription', {
            product: product ? ctx.t(product.titleKey) : e.productId,
            until: formatUtc(e.endsAt),
          }),
    );
  }
  if (wallet.money.length > 0) {
    lines.push('', ctx.t('wallet-money-title'));
    for (const m of wallet.money)
      lines.push(ctx.t('wallet-money-line', { amount: formatMoney(m.available, m.asset, lang) }));
  }
  return lines.join('\n');
}

export function walletFeature(db: PrismaClient) {
  const feature = new Composer<UserBotContext>();
  feature
    .chatType('private')
    .command('balance', async (ctx) => ctx.reply(await renderWallet(ctx, db), { parse_mode: 'HTML' }));
  return feature;
}
