import { Composer } from 'grammy';
import type { AdminBotContext } from '#bots/shared/context.ts';
import { assertCan } from '#core/accounts/staff.ts';
import { userStats } from '#core/accounts/user-stats.ts';
import type { PrismaClient } from '#core/db/create-prisma.ts';
import { formatMoney } from '#core/money/format-money.ts';
import { revenueStats } from '#core/payments/revenue-stats.ts';
import { vpnStatsBlock } from '../vpn-stats-view.ts';

const DAYS = 7;

export function statsFeature(db: PrismaClient) {
  const feature = new Composer<AdminBotContext>();
  feature.command('stats', async (ctx) => {
    assertCan(ctx.staff, 'stats.view');
    const lang = ctx.lang;
    const [users, revenue] = await Promise.all([userStats(db), revenueStats(db, { days: DAYS })]);
    const money = (list: { currency: Parameters<typeof formatMoney>[1]; amount: bigint }[]) =>
      list.map((m) => formatMoney(m.amount, m.currency, lang)).join(', ') || '0';
    const lines = [
      ctx.t('admin-stats', { ...users }),
      '',
      ctx.t('admin-stats-revenue-title', { days: DAYS }),
    ];
    if (revenue.byDay.length === 0) lines.push(ctx.t('admin-stats-revenue-none'));
    for (const row of revenue.byDay) {
      lines.push(
        ctx.t('admin-stats-revenue-line', {
          day: row.day,
          provider: row.provider,
          amount: formatMoney(row.amount, row.currency, lang),
          payments: row.payments,
        }),
      );
    }
    lines.push(
      '',
      ctx.t('admin-stats-totals', { totals: money(revenue.totals) }),
      ctx.t('admin-stats-paying', {
        paying: revenue.payingUsers,
        signedUp: revenue.signedUp,
        conversion: (revenue.conversionBp / 100).toFixed(2),
        arpu: money(revenue.arpu),
      }),
      '',
      await vpnStatsBlock(ctx, db, DAYS),
    );
    await ctx.reply(lines.join('\n'), { parse_mode: 'HTML' });
  });
  return feature;
}
