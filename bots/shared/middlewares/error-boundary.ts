import { type BotError, GrammyError } from 'grammy';
import type { BaseContext } from '#bots/shared/context.ts';
import type { BotMetrics } from '#bots/shared/metrics.ts';
import { isAppError } from '#core/errors/app-error.ts';
import { maskBotTokens } from '#core/logging/logger.ts';

const ERROR_KEYS: Record<string, string> = {
  FORBIDDEN: 'error-forbidden',
  USER_NOT_FOUND: 'error-user-not-found',
  INVALID_INPUT: 'error-invalid-input',
  // A photo or file a feature saved without its own handling (locales/*/files.ftl).
  FILE_TOO_LARGE: 'error-file-too-large',
  IMAGE_TOO_LARGE: 'error-image-too-large',
  FILE_TYPE_NOT_ALLOWED: 'error-file-type-not-allowed',
  FILE_TYPE_MISMATCH: 'error-file-type-mismatch',
  // --- Payouts (locales/*/payouts.ftl); the payout flows answer these themselves, this is the fallback ---
  EMAIL_REQUIRED: 'payout-error-email-required',
  PAYOUT_TOO_SMALL: 'payout-error-too-small',
  PAYOUT_DESTINATION_INVALID: 'payout-error-destination-invalid',
  PAYOUT_METHOD_UNAVAILABLE: 'payout-error-method-unavailable',
  PAYOUT_RATE_CHANGED: 'payout-error-rate-changed',
  PAYOUT_NOT_PENDING: 'payout-error-not-pending',
  // --- end of payouts ---
};

/**
 * The user always hears back: a coded domain error becomes its localized message, anything else a generic
 * apology, and the failure is logged with the update id and counted.
 */
export function errorHandler(bot: 'user' | 'admin', metrics: BotMetrics) {
  return async (error: BotError<BaseContext>) => {
    const ctx = error.ctx;
    const cause = error.error;
    const known = isAppError(cause) ? ERROR_KEYS[cause.code] : undefined;
    if (!known) {
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
      // The error's details fill the message's placeholders (a file's size limit, say).
      const args = isAppError(cause) && known ? placeholders(cause.details) : undefined;
      const text = ctx.t(known ?? 'error-generic', args);
      if (ctx.callbackQuery) await ctx.answerCallbackQuery({ text, show_alert: true });
      else if (ctx.chat) await ctx.reply(text);
    } catch (replyError) {
      ctx.log?.warn({ err: String(replyError) }, 'could not report the failure to the user');
    }
  };
}

function placeholders(details: Record<string, string | number | Date>): Record<string, string | number> {
  return Object.fromEntries(
    Object.entries(details).map(([key, value]) => [key, value instanceof Date ? value.toISOString() : value]),
  );
}
