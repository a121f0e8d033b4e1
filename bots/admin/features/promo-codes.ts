import { Composer } from 'grammy';
import { parsePromoArgs } from '#bots/admin/parse-promo-args.ts';
import type { AdminBotContext } from '#bots/shared/context.ts';
import type { BotDeps } from '#bots/shared/deps.ts';
import { escapeHtml } from '#bots/shared/format.ts';
import { assertCan } from '#core/accounts/staff.ts';
import { isAppError } from '#core/errors/app-error.ts';
import { createPromoCode } from '#core/referrals/create-promo-code.ts';
import { describePromoScope, describePromoTerms } from '#core/referrals/describe-promo.ts';
import { disablePromoCode } from '#core/referrals/disable-promo-code.ts';
import { listPromoCodes } from '#core/referrals/list-promo-codes.ts';

/** `/promo_new`, `/promos`, `/promo_off`: codes are made and stopped by staff who may move money. */
export function promoCodesFeature(deps: BotDeps) {
  const feature = new Composer<AdminBotContext>();
  const translate = (ctx: AdminBotContext) => (key: string, args?: Record<string, string>) =>
    ctx.t(key, args);

  feature.command('promo_new', async (ctx) => {
    assertCan(ctx.staff, 'money.adjust');
    const promo = parsePromoArgs(ctx.match);
    if (!promo) return ctx.reply(ctx.t('admin-promo-new-usage'), { parse_mode: 'HTML' });
    try {
      const created = await createPromoCode(deps.db, { staff: ctx.staff, promo });
      const t = translate(ctx);
      await ctx.reply(
        ctx.t('admin-promo-created', {
          code: escapeHtml(created.code),
          terms: describePromoTerms(t, created, ctx.lang),
          scope: describePromoScope(t, created),
        }),
        { parse_mode: 'HTML' },
      );
    } catch (error) {
      if (isAppError(error, 'PROMO_CODE_TAKEN'))
        return ctx.reply(ctx.t('admin-promo-taken', { code: String(error.details.code) }));
      if (isAppError(error, 'PRODUCT_NOT_FOUND')) return ctx.reply(ctx.t('admin-promo-unknown-product'));
      if (isAppError(error, 'INVALID_INPUT'))
        return ctx.reply(ctx.t('admin-promo-new-usage'), { parse_mode: 'HTML' });
      throw error;
    }
  });

  feature.command('promo_off', async (ctx) => {
    const code = ctx.match.trim();
    if (!code) return ctx.reply(ctx.t('admin-promo-off-usage'));
    try {
      const disabled = await disablePromoCode(deps.db, { staff: ctx.staff, code });
      await ctx.reply(ctx.t('admin-promo-off-done', { code: escapeHtml(disabled.code) }), {
        parse_mode: 'HTML',
      });
    } catch (error) {
      if (!isAppError(error, 'PROMO_REFUSED')) throw error;
      await ctx.reply(ctx.t('admin-promo-not-found', { code }));
    }
  });

  feature.command('promos', async (ctx) => {
    assertCan(ctx.staff, 'money.adjust');
    const codes = await listPromoCodes(deps.db);
    if (codes.length === 0) return ctx.reply(ctx.t('admin-promos-empty'));
    const t = translate(ctx);
    const lang = ctx.lang;
    const now = new Date();
    const lines = codes.map((promo) =>
      ctx.t('admin-promo-line', {
        code: escapeHtml(promo.code),
        terms: describePromoTerms(t, promo, lang),
        scope: describePromoScope(t, promo),
        used: String(promo.redemptionsCount),
        max: promo.maxRedemptions === null ? ctx.t('admin-promo-unlimited') : String(promo.maxRedemptions),
        state: ctx.t(
          promo.disabledAt
            ? 'admin-promo-state-disabled'
            : promo.expiresAt && promo.expiresAt <= now
              ? 'admin-promo-state-expired'
              : 'admin-promo-state-active',
        ),
      }),
    );
    await ctx.reply([ctx.t('admin-promos-title'), '', ...lines].join('\n'), { parse_mode: 'HTML' });
  });
  return feature;
}
