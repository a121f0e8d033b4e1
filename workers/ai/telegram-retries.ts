import { autoRetry } from '@grammyjs/auto-retry';
import type { Transformer } from 'grammy';

const RETRY = { maxRetryAttempts: 3, maxDelaySeconds: 60 };

/**
 * How the ai worker's Bot API calls are retried on the spot. A 429 means Telegram did not take the call, so
 * waiting and calling again is safe for anything. A 5xx or a broken connection leaves a send's outcome
 * unknown: it goes back to the engine, whose journal never repeats a message
 * (core/ai/generation/send-once.ts). Edits are safe to repeat, so they keep every retry.
 */
export function telegramRetries(): Transformer {
  const sends = autoRetry({ ...RETRY, rethrowInternalServerErrors: true, rethrowHttpErrors: true });
  const others = autoRetry({ ...RETRY, rethrowInternalServerErrors: false });
  return (prev, method, payload, signal) =>
    (method.startsWith('send') ? sends : others)(prev, method, payload, signal);
}
