import type { AdminBotContext } from '#bots/shared/context.ts';
import type { PrismaClient } from '#core/db/create-prisma.ts';
import { formatMoney } from '#core/money/format-money.ts';
import { CHURN_WINDOW_DAYS, vpnStats } from '#core/vpn/admin/vpn-stats.ts';

const percent = (bp: number) => (bp / 100).toFixed(2);

/** The VPN block of /stats: subscribers now, growth in the period, conversion, MRR and churn. */
export async function vpnStatsBlock(ctx: AdminBotContext, db: PrismaClient, days: number): Promise<string> {
  const stats = await vpnStats(db, { days });
  return ctx.t('admin-stats-vpn', {
    days,
    paid: stats.active.paid,
    trial: stats.active.trial,
    free: stats.active.free,
    newPaid: stats.newPaid,
    renewals: stats.renewals,
    trialUsers: stats.trialUsers,
    trialConverted: stats.trialConverted,
    conversion: percent(stats.conversionBp),
    mrr: formatMoney(stats.mrrKopecks, 'RUB', ctx.lang),
    churnDays: CHURN_WINDOW_DAYS,
    churned: stats.churned,
    churnBase: stats.churnBase,
    churn: percent(stats.churnBp),
  });
}
