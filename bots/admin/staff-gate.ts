import type { NextFunction } from 'grammy';
import type { AdminBotContext } from '#bots/shared/context.ts';
import { findStaff } from '#core/accounts/staff.ts';
import type { PrismaClient } from '#core/db/create-prisma.ts';

/**
 * Only people with a role get past this point, and only in private chat. The role is read on every update,
 * so a revoked role takes effect at once. A banned staff member is locked out like everyone else.
 */
export function staffGate(db: PrismaClient) {
  return async (ctx: AdminBotContext, next: NextFunction) => {
    if (ctx.chat?.type !== 'private' || !ctx.account) return;
    const staff = ctx.account.status === 'active' ? await findStaff(db, ctx.account.id) : null;
    if (!staff) {
      ctx.log.warn({ userId: ctx.account.id.toString() }, 'admin bot used without a role');
      if (ctx.callbackQuery)
        await ctx.answerCallbackQuery({ text: ctx.t('admin-no-access'), show_alert: true });
      else await ctx.reply(ctx.t('admin-no-access'));
      return;
    }
    ctx.staff = staff;
    return next();
  };
}
