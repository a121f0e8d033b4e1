import type { NextFunction } from 'grammy';
import type { BaseContext } from '#bots/shared/context.ts';

/**
 * A banned user gets the reason and nothing else works: no later middleware sees the update, except one that
 * `mayPass` lets through (in the user bot, the appeal to support).
 */
export function banGuard<C extends BaseContext>(mayPass: (ctx: C) => boolean | Promise<boolean>) {
  return async (ctx: C, next: NextFunction) => {
    const account = ctx.account;
    if (account?.status !== 'banned' || (await mayPass(ctx))) return next();
    const text = ctx.t('ban-notice', { reason: account.banReason ?? '—' });
    if (ctx.callbackQuery) await ctx.answerCallbackQuery({ text, show_alert: true });
    else if (ctx.chat?.type === 'private') await ctx.reply(text);
  };
}
