import { InlineKeyboard } from 'grammy';
import { z } from 'zod';
import { callbackCodec } from '#bots/shared/callback-data.ts';
import type { AdminBotContext } from '#bots/shared/context.ts';
import { formatUtc } from '#bots/shared/format.ts';
import type { TRulesView } from '#core/vpn/invites/invite-rules.ts';
import { PAID_TIERS } from '#core/vpn/plans.ts';

/** A step on one number of a tier's invite rule. */
export const inviteRuleStep = callbackCodec(
  'vinv',
  ['tier', 'field', 'delta'],
  z.object({
    tier: z.enum(PAID_TIERS),
    field: z.enum(['invites', 'friendDays']),
    delta: z.enum(['-1', '1']).transform(Number),
  }),
);

/** Start (×2 for `days`) or stop the invite promotion. */
export const invitePromotion = callbackCodec(
  'vinvp',
  ['action', 'days'],
  z.object({ action: z.enum(['start', 'stop']), days: z.coerce.number().int().min(0).max(365) }),
);

export const PROMOTION_DAYS = 7;

/** `/vpn_invites`: the rule of each tier with −/+ buttons, the promotion and its switch. */
export function renderInviteRules(ctx: AdminBotContext, view: TRulesView) {
  const lines = [ctx.t('admin-vpn-invites-title'), ''];
  const keyboard = new InlineKeyboard();
  for (const rule of view.rules) {
    lines.push(
      ctx.t('admin-vpn-invites-rule', {
        tier: rule.tier,
        invites: rule.invites,
        perDays: rule.perDays,
        friendDays: rule.friendDays,
      }),
    );
    const tier = rule.tier as (typeof PAID_TIERS)[number];
    const codes = ctx.t('admin-vpn-invites-codes', { tier });
    const days = ctx.t('admin-vpn-invites-days', { tier });
    keyboard
      .text(`${codes} −`, inviteRuleStep.encode({ tier, field: 'invites', delta: '-1' }))
      .text(`${codes} +`, inviteRuleStep.encode({ tier, field: 'invites', delta: '1' }))
      .text(`${days} −`, inviteRuleStep.encode({ tier, field: 'friendDays', delta: '-1' }))
      .text(`${days} +`, inviteRuleStep.encode({ tier, field: 'friendDays', delta: '1' }))
      .row();
  }
  lines.push(
    '',
    view.promotion
      ? ctx.t('admin-vpn-invites-promo-on', {
          multiplier: view.promotion.multiplier,
          until: formatUtc(view.promotion.endsAt),
        })
      : ctx.t('admin-vpn-invites-promo-off'),
    '',
    ctx.t('admin-vpn-invites-help'),
  );
  if (view.promotion)
    keyboard.text(ctx.t('admin-vpn-invites-promo-stop'), invitePromotion.encode({ action: 'stop', days: 0 }));
  else
    keyboard.text(
      ctx.t('admin-vpn-invites-promo-start', { days: PROMOTION_DAYS }),
      invitePromotion.encode({ action: 'start', days: PROMOTION_DAYS }),
    );
  return { text: lines.join('\n'), keyboard };
}
