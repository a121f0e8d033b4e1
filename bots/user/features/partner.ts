import { Composer } from 'grammy';
import type { UserBotContext } from '#bots/shared/context.ts';
import type { BotDeps } from '#bots/shared/deps.ts';
import { formatMoney } from '#core/money/format-money.ts';
import { partnerLink } from '#core/referrals/partner-link.ts';
import { partnerSummary } from '#core/referrals/partner-summary.ts';

/** Partners: `/partner` shows their link and money (withdrawn with /payout, features/payouts.ts). */
export function partnerFeature(deps: BotDeps) {
  const feature = new Composer<UserBotContext>();

  feature.chatType('private').command('partner', async (ctx) => {
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
      }),
      { parse_mode: 'HTML', link_preview_options: { is_disabled: true } },
    );
  });
  return feature;
}
