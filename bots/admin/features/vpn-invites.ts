import { Composer } from 'grammy';
import { invitePromotion, inviteRuleStep, renderInviteRules } from '#bots/admin/vpn-invites-view.ts';
import type { AdminBotContext } from '#bots/shared/context.ts';
import type { BotDeps } from '#bots/shared/deps.ts';
import { assertCan } from '#core/accounts/staff.ts';
import { changeInviteRule, inviteRulesView, setInvitePromotion } from '#core/vpn/invites/invite-rules.ts';
import { isPaidTier } from '#core/vpn/plans.ts';

const notModified = (error: unknown) => {
  if (!String(error).includes('message is not modified')) throw error;
};

/**
 * `/vpn_invites`: the invite rules per tier with buttons to change them, and the ×2 promotion. Also
 * `/vpn_invites <tier> <codes> <days>` to set a tier's numbers at once. Changes are checked and audited in
 * core/vpn/invites/invite-rules.ts; free days for one person stay on the user's VPN card.
 */
export function vpnInvitesFeature(deps: BotDeps) {
  const feature = new Composer<AdminBotContext>();

  const show = async (ctx: AdminBotContext, edit: boolean) => {
    const view = renderInviteRules(ctx, await inviteRulesView(deps.db));
    const opts = { parse_mode: 'HTML' as const, reply_markup: view.keyboard };
    if (edit) await ctx.editMessageText(view.text, opts).catch(notModified);
    else await ctx.reply(view.text, opts);
  };

  feature.command('vpn_invites', async (ctx) => {
    assertCan(ctx.staff, 'users.view');
    const [tier, codes, days, extra] = ctx.match.trim().split(/\s+/).filter(Boolean);
    if (tier !== undefined) {
      const invites = Number(codes);
      const friendDays = Number(days);
      if (
        !isPaidTier(tier) ||
        extra !== undefined ||
        !Number.isInteger(invites) ||
        !Number.isInteger(friendDays)
      )
        return ctx.reply(ctx.t('admin-vpn-invites-usage'));
      await changeInviteRule(deps.db, { staff: ctx.staff, tier, field: 'invites', value: invites });
      await changeInviteRule(deps.db, { staff: ctx.staff, tier, field: 'friendDays', value: friendDays });
    }
    await show(ctx, false);
  });

  feature.callbackQuery(inviteRuleStep.pattern, async (ctx) => {
    const data = inviteRuleStep.decode(ctx.callbackQuery.data);
    if (!data) return ctx.answerCallbackQuery({ text: ctx.t('button-expired') });
    await changeInviteRule(deps.db, { staff: ctx.staff, ...data });
    await ctx.answerCallbackQuery({ text: ctx.t('admin-vpn-invites-saved') });
    await show(ctx, true);
  });

  feature.callbackQuery(invitePromotion.pattern, async (ctx) => {
    const data = invitePromotion.decode(ctx.callbackQuery.data);
    if (!data) return ctx.answerCallbackQuery({ text: ctx.t('button-expired') });
    await setInvitePromotion(deps.db, {
      staff: ctx.staff,
      multiplier: 2,
      days: data.action === 'start' ? data.days : 0,
    });
    await ctx.answerCallbackQuery({ text: ctx.t('admin-vpn-invites-saved') });
    await show(ctx, true);
  });
  return feature;
}
