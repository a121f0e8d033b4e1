import type { Bot, Composer } from 'grammy';
import type { BaseContext } from '#bots/shared/context.ts';
import type { BotMetrics } from '#bots/shared/metrics.ts';
import { errorHandler } from './error-boundary.ts';

/**
 * One error handler for both ways updates arrive. `bot.catch` alone serves only polling (the runner calls
 * it); in webhook mode `handleUpdate` throws past it, so the user heard nothing and the route answered 500
 * (Telegram then redelivered the update over and over). The boundary catches every handler's failure inside
 * the middleware itself, whatever called `handleUpdate`; `bot.catch` stays as the last resort for anything
 * thrown before the boundary.
 *
 * Install it after the middleware the handler reads (`ctx.log`) and register the bot's features on the
 * returned composer.
 */
export function installErrorBoundary<C extends BaseContext>(
  bot: Bot<C>,
  name: 'user' | 'admin',
  metrics: BotMetrics,
): Composer<C> {
  const handle = errorHandler(name, metrics);
  bot.catch(handle);
  return bot.errorBoundary(handle);
}
