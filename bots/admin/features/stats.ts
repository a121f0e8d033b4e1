import { Composer } from 'grammy';
import { assertCan } from '../../../core/accounts/staff.ts';
import { userStats } from '../../../core/accounts/user-stats.ts';
import type { PrismaClient } from '../../../core/db/create-prisma.ts';
import type { AdminBotContext } from '../../shared/context.ts';

export function statsFeature(db: PrismaClient) {
  const feature = new Composer<AdminBotContext>();
  feature.command('stats', async (ctx) => {
    assertCan(ctx.staff, 'stats.view');
    const stats = await userStats(db);
    await ctx.reply(ctx.t('admin-stats', { ...stats }), { parse_mode: 'HTML' });
  });
  return feature;
}
