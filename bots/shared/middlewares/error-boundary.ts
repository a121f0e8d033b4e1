import { type BotError, GrammyError } from 'grammy';
import type { BaseContext } from '#bots/shared/context.ts';
import type { BotMetrics } from '#bots/shared/metrics.ts';
import { isAppError } from '#core/errors/app-error.ts';
import { errorArgs, UNKNOWN_ERROR } from '#core/errors/error-catalog.ts';
import { maskBotTokens } from '#core/logging/logger.ts';
import { REGISTRY } from '#core/services/registry.ts';

/**
 * The user always hears back: a coded domain error becomes its message from the merged error catalog (its
 * details filling the placeholders), anything else a generic apology. Uncoded failures and coded ones that
 * are ours (a 5xx in the catalog) are logged with the update id and counted.
 */
export function errorHandler(bot: 'user' | 'admin', metrics: BotMetrics) {
  return async (error: BotError<BaseContext>) => {
    const ctx = error.ctx;
    const cause = error.error;
    const spec = isAppError(cause) ? REGISTRY.error(cause.code) : UNKNOWN_ERROR;
    if (spec.status >= 500) {
      metrics.errors.inc({ bot });
      const message = cause instanceof Error ? maskBotTokens(cause.message) : String(cause);
      ctx.log?.error(
        { err: { message, stack: cause instanceof Error ? cause.stack : undefined } },
        'update failed',
      );
    }
    // A failure to talk to Telegram itself (blocked, chat gone) cannot be answered in that chat.
    if (cause instanceof GrammyError && cause.error_code === 403) return;
    try {
      const text = ctx.t(spec.bot, isAppError(cause) ? errorArgs(cause.details) : undefined);
      if (ctx.callbackQuery) await ctx.answerCallbackQuery({ text, show_alert: true });
      else if (ctx.chat) await ctx.reply(text);
    } catch (replyError) {
      ctx.log?.warn({ err: String(replyError) }, 'could not report the failure to the user');
    }
  };
}
