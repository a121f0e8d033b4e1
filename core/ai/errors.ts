import { defineErrors } from '#core/errors/error-catalog.ts';

/** The AI studio's own failures (models, chat, generation), in the bot and the Mini App alike. */
export const aiErrors = defineErrors({
  // An id the catalog does not know; MODEL_UNAVAILABLE: switched off, or no provider serves it. Both carry
  // `modelId` (not shown: a raw id means nothing to a user).
  MODEL_NOT_FOUND: { status: 404, bot: 'error-model-not-found', api: 'api-error-model-not-found' },
  MODEL_UNAVAILABLE: { status: 409, bot: 'error-model-unavailable', api: 'api-error-model-unavailable' },
  // Whisper heard nothing in a voice message (nothing is charged).
  TRANSCRIPT_EMPTY: { status: 422, bot: 'chat-voice-empty', api: 'api-error-transcript-empty' },
  // Another reply of the user's is streaming (bot or Mini App).
  CHAT_BUSY: { status: 409, bot: 'error-chat-busy', api: 'api-error-chat-busy' },
  // The price the user confirmed is not the live one; carries `price` (formatted).
  PRICE_CHANGED: { status: 409, bot: 'error-price-changed', api: 'api-error-price-changed' },
  // The tier's hourly limit; carries `tier`, `limit`, `planLimit`, `minutes` and `time` (the clock time: the
  // API's in the user's zone with its name, core/i18n/format-local-time.ts; the bot's likewise).
  GENERATION_LIMITED: {
    status: 429,
    bot: 'generate-refused-rate-limited',
    api: 'api-error-generation-limited',
  },
});

declare module '#core/errors/app-error.ts' {
  interface TErrorCodes extends Record<keyof typeof aiErrors, true> {}
}
