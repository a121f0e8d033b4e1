import { Composer, InlineKeyboard } from 'grammy';
import type { UserBotContext } from '#bots/shared/context.ts';
import type { BotDeps } from '#bots/shared/deps.ts';
import { parsePayoutCommand } from '#bots/user/parse-payout-command.ts';
import { PROFILE_EMAIL_BUTTON } from '#bots/user/profile-view.ts';
import { isAppError } from '#core/errors/app-error.ts';
import { formatMoney } from '#core/money/format-money.ts';
import { partnerLink } from '#core/referrals/partner-link.ts';
import { partnerSummary } from '#core/referrals/partner-summary.ts';
import { PAYOUT_MIN_RUB, requestPayout } from '#core/referrals/request-payout.ts';

/** Partners: `/partner` shows their link and money; `/payout <₽> <details>` asks finance to pay it out. */
export function partnerFeature(deps: BotDeps) {
  const feature = new Composer<UserBotContext>();
  const chats = feature.chatType('private');
  const rubles = (ctx: UserBotContext, amount: bigint) => formatMoney(amount, 'RUB', ctx.lang);
  const available = async (ctx: UserBotContext, userId: bigint) =>
    rubles(
      ctx,
      (await partnerSummary(deps.db, userId))?.available.find((a) => a.asset === 'RUB')?.amount ?? 0n,
    );

  chats.command('partner', async (ctx) => {
    const account = ctx.account;
    if (!account) return;
    const summary = await partnerSummary(deps.db, account.id);
    if (!summary) return ctx.reply(ctx.t('partner-not-partner'));
    const money = summary.available.filter((a) => a.amount !== 0n || a.asset === 'RUB');
    const balance = (money.length > 0 ? money : [{ asset: 'RUB' as const, amount: 0n }])
      .map((a) => formatMoney(a.amount, a.asset, account.language))
      .join(', ');
    await ctx.reply(
      ctx.t('partner-card', {
        link: partnerLink(ctx.me.username, summary.partner.code),
        percent: String(summary.partner.commissionPercent),
        referred: String(summary.referred),
        balance,
        min: rubles(ctx, PAYOUT_MIN_RUB),
      }),
      { parse_mode: 'HTML', link_preview_options: { is_disabled: true } },
    );
  });

  chats.command('payout', async (ctx) => {
    const account = ctx.account;
    if (!account) return;
    const parsed = parsePayoutCommand(ctx.match);
    if (!parsed) return ctx.reply(ctx.t('payout-usage', { min: rubles(ctx, PAYOUT_MIN_RUB) }));
    try {
      const { request, balance } = await requestPayout(deps.db, { userId: account.id, ...parsed });
      await ctx.reply(
        ctx.t('payout-requested', {
          id: request.id.toString(),
          amount: rubles(ctx, request.amount),
          balance: rubles(ctx, balance),
        }),
      );
    } catch (error) {
      if (!isAppError(error)) throw error;
      switch (error.code) {
        case 'NOT_A_PARTNER':
          return ctx.reply(ctx.t('partner-not-partner'));
        case 'EMAIL_REQUIRED':
          return ctx.reply(ctx.t('payout-email-required'), {
            reply_markup: new InlineKeyboard().text(ctx.t('profile-add-email'), PROFILE_EMAIL_BUTTON),
          });
        case 'PAYOUT_TOO_SMALL':
          return ctx.reply(ctx.t('payout-too-small', { min: rubles(ctx, PAYOUT_MIN_RUB) }));
        case 'INSUFFICIENT_FUNDS':
          return ctx.reply(ctx.t('payout-insufficient', { balance: await available(ctx, account.id) }));
        case 'INVALID_INPUT':
          return ctx.reply(ctx.t('payout-usage', { min: rubles(ctx, PAYOUT_MIN_RUB) }));
        default:
          throw error;
      }
    }
  });
  return feature;
}
