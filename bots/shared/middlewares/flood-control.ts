import type { NextFunction } from 'grammy';
import type { BaseContext } from '#bots/shared/context.ts';
import type { Redis } from '#core/redis/create-redis.ts';

export interface TFloodLimits {
  /** Updates a user may send within the window before being slowed down. */
  max: number;
  windowMs: number;
}

/**
 * Per-user flood control in Redis, so it holds across app replicas. Over the limit the user is told once
 * per window to slow down and further updates of that window are dropped: the bot stays up and other users
 * are unaffected.
 */
export function floodControl(
  redis: Redis,
  prefix: string,
  limits: TFloodLimits = { max: 20, windowMs: 10_000 },
) {
  return async (ctx: BaseContext, next: NextFunction) => {
    const id = ctx.from?.id;
    if (id === undefined) return next();
    const key = `${prefix}:flood:${ctx.me.id}:${id}`;
    const result = await redis.multi().incr(key).pexpire(key, limits.windowMs, 'NX').exec();
    const count = Number(result?.[0]?.[1] ?? 0);
    if (count <= limits.max) return next();
    if (count === limits.max + 1) {
      // Only the first refused update asks how long is left: the common path stays one round trip.
      const seconds = Math.max(1, Math.ceil((await redis.pttl(key)) / 1000));
      ctx.log.warn({ userId: id, count }, 'flood control engaged');
      if (ctx.callbackQuery) await ctx.answerCallbackQuery({ text: ctx.t('flood-slow-down', { seconds }) });
      else if (ctx.chat?.type === 'private') await ctx.reply(ctx.t('flood-slow-down', { seconds }));
    } else if (ctx.callbackQuery) {
      // Telegram shows a spinner until a callback query is answered.
      await ctx.answerCallbackQuery();
    }
  };
}
