import { Composer } from 'grammy';
import { parsePayoutRateArgs } from '#bots/admin/parse-payout-rate-args.ts';
import type { AdminBotContext } from '#bots/shared/context.ts';
import type { BotDeps } from '#bots/shared/deps.ts';
import { formatUtc } from '#bots/shared/format.ts';
import { rateSides } from '#bots/shared/payout-text.ts';
import { assertCan } from '#core/accounts/staff.ts';
import { isAppError } from '#core/errors/app-error.ts';
import { listPayoutRates } from '#core/payouts/payout-rates.ts';
import { setPayoutRate } from '#core/payouts/set-payout-rate.ts';

/** `/payout_rates` lists what each balance pays out in each currency; `/payout_rate` sets or removes one. */
export function payoutRatesFeature(deps: BotDeps) {
  const feature = new Composer<AdminBotContext>();

  feature.command('payout_rates', async (ctx) => {
    assertCan(ctx.staff, 'money.payout');
    const lang = ctx.lang;
    const rates = await listPayoutRates(deps.db);
    const lines = rates.map((r) =>
      ctx.t('admin-payout-rate-line', {
        ...rateSides(r.asset, r.rate, r.currency, lang),
        date: formatUtc(r.updatedAt),
      }),
    );
    const body = lines.length > 0 ? lines.join('\n') : ctx.t('admin-payout-rates-empty');
    await ctx.reply(
      [ctx.t('admin-payout-rates-title'), body, '', ctx.t('admin-payout-rates-usage')].join('\n'),
      {
        parse_mode: 'HTML',
      },
    );
  });

  feature.command('payout_rate', async (ctx) => {
    assertCan(ctx.staff, 'money.payout');
    const args = parsePayoutRateArgs(ctx.match);
    if (!args) return ctx.reply(ctx.t('admin-payout-rates-usage'), { parse_mode: 'HTML' });
    try {
      await setPayoutRate(deps.db, { staff: ctx.staff, ...args });
    } catch (error) {
      // RUB → RUB and the like: a balance in a method's own currency is paid one for one, with no rate.
      if (!isAppError(error, 'INVALID_INPUT')) throw error;
      return ctx.reply(ctx.t('admin-payout-rates-usage'), { parse_mode: 'HTML' });
    }
    if (args.rate === null)
      return ctx.reply(ctx.t('admin-payout-rate-cleared', { asset: args.asset, currency: args.currency }));
    const sides = rateSides(args.asset, args.rate, args.currency, ctx.lang);
    await ctx.reply(ctx.t('admin-payout-rate-set', sides));
  });
  return feature;
}
