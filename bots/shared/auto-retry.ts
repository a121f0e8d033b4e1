import { autoRetry } from '@grammyjs/auto-retry';
import type { Context, NextFunction } from 'grammy';

/**
 * Direct replies that hit Telegram's flood limits (429) wait for `retry_after` and are sent again, as do
 * replies that failed on a network error. Waits over 30 s are not worth it for a reply: the error surfaces.
 * Messages that are not replies go through the notify queue instead, which has its own handling.
 */
export const AUTO_RETRY = {
  maxRetryAttempts: 3,
  maxDelaySeconds: 30,
  rethrowInternalServerErrors: false,
} as const;

/** Conversations build their own Api object per update, so the bot's transformer is installed there again. */
export function retryInsideConversations(ctx: Context, next: NextFunction) {
  ctx.api.config.use(autoRetry(AUTO_RETRY));
  return next();
}
