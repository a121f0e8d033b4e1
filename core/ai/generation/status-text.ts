import { formatTokens } from '#core/money/format-money.ts';
import type { TGenerationFailure } from './generation-delivery.ts';

/** Fluent lookup in the reader's language, as the bot's `ctx.t` and the worker's translator both give it. */
export type TTranslate = (key: string, args?: Record<string, string | number>) => string;

const BAR_CELLS = 10;

/** `▰▰▰▰▱▱▱▱▱▱`: readable in any Telegram client, no formatting needed. */
export function progressBar(percent: number): string {
  const filled = Math.max(0, Math.min(BAR_CELLS, Math.round((percent / 100) * BAR_CELLS)));
  return '▰'.repeat(filled) + '▱'.repeat(BAR_CELLS - filled);
}

/**
 * The status message of one request, from "queued" to "done" or "failed": the bot sends the first one, the
 * worker edits it, so both render it here. Plain text: a model name or price never needs escaping.
 */
export const statusText = {
  queued: (t: TTranslate, model: string, price: TPriceArgs) =>
    t('generate-status-queued', { model, ...price }),
  working: (t: TTranslate, model: string, percent: number | undefined) =>
    percent === undefined
      ? t('generate-status-working', { model })
      : t('generate-status-progress', { model, percent: Math.round(percent), bar: progressBar(percent) }),
  done: (t: TTranslate, model: string, price: TPriceArgs) => t('generate-status-done', { model, ...price }),
  failed: (t: TTranslate, model: string) => t('generate-status-failed', { model }),
};

/** A token amount for a message: the figure as the reader writes numbers, and the count that picks the plural. */
export type TPriceArgs = { price: string; count: number };
export const priceArgs = (amount: bigint, lang: 'en' | 'ru'): TPriceArgs => ({
  price: formatTokens(amount, lang),
  count: Number(amount),
});

/** Why it failed, in words for the user; every message also says that nothing was charged. */
export const FAILURE_KEYS: Record<TGenerationFailure, string> = {
  content_refused: 'generate-failed-rejected',
  provider_failed: 'generate-failed-provider',
  provider_unavailable: 'generate-failed-unavailable',
  timeout: 'generate-failed-timeout',
  undeliverable: 'generate-failed-provider',
  internal: 'generate-failed-internal',
};
