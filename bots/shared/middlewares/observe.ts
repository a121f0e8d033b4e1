import type { Context, NextFunction } from 'grammy';
import type { AccountFlavor } from '#bots/shared/context.ts';
import type { BotMetrics } from '#bots/shared/metrics.ts';
import type { Logger } from '#core/logging/logger.ts';

const updateType = (ctx: Context): string =>
  Object.keys(ctx.update).find((key) => key !== 'update_id') ?? 'unknown';

/** First middleware: a logger bound to the update id, and the update counted and timed. */
export function observe(bot: 'user' | 'admin', logger: Logger, metrics: BotMetrics) {
  return async (ctx: Context & AccountFlavor, next: NextFunction) => {
    ctx.log = logger.child({ bot, updateId: ctx.update.update_id });
    const type = updateType(ctx);
    metrics.updates.inc({ bot, type });
    ctx.log.debug({ type, chatId: ctx.chat?.id }, 'update');
    const stop = metrics.latency.startTimer({ bot });
    try {
      await next();
    } finally {
      stop();
    }
  };
}
