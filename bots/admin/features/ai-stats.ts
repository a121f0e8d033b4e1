import { Composer } from 'grammy';
import { renderAiStats } from '#bots/admin/ai-stats-view.ts';
import type { AdminBotContext } from '#bots/shared/context.ts';
import { assertCan } from '#core/accounts/staff.ts';
import { aiStats } from '#core/ai/stats/ai-stats.ts';
import type { PrismaClient } from '#core/db/create-prisma.ts';

const DEFAULT_DAYS = 7;
const MAX_DAYS = 90;

/** `/aistats [days]`: AI requests of the last days (7 by default), for staff who may see stats. */
export function aiStatsFeature(db: PrismaClient) {
  const feature = new Composer<AdminBotContext>();
  feature.command('aistats', async (ctx) => {
    assertCan(ctx.staff, 'stats.view');
    const arg = ctx.match.trim();
    const days = arg === '' ? DEFAULT_DAYS : /^\d{1,3}$/.test(arg) ? Number(arg) : Number.NaN;
    if (!(days >= 1 && days <= MAX_DAYS)) return ctx.reply(ctx.t('admin-ai-stats-usage', { max: MAX_DAYS }));
    const to = new Date();
    const stats = await aiStats(db, { from: new Date(to.getTime() - days * 86_400_000), to });
    await ctx.reply(renderAiStats(ctx, stats, days), { parse_mode: 'HTML' });
  });
  return feature;
}
