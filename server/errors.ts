import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError, type TAppErrorCode } from '#core/errors/app-error.ts';
import { type Translator, toLang } from '#core/i18n/translator.ts';
import type { TApiError } from './contracts/me.ts';

const STATUS: Partial<Record<TAppErrorCode, number>> = {
  UNAUTHORIZED: 401,
  USER_BANNED: 403,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  USER_NOT_FOUND: 404,
  INVALID_INPUT: 400,
  RATE_LIMITED: 429,
  PRODUCT_NOT_FOUND: 404,
  PAYMENT_NOT_FOUND: 404,
  CURRENCY_NOT_SUPPORTED: 400,
  PROVIDER_ERROR: 502,
  FILE_TOO_LARGE: 413,
  IMAGE_TOO_LARGE: 413,
  FILE_TYPE_NOT_ALLOWED: 415,
  FILE_TYPE_MISMATCH: 415,
  FILE_URL_INVALID: 403,
  // Video tasks (server/routes/miniapp/tasks.ts).
  TASK_MATERIAL_LIMIT: 409,
  TASK_MATERIAL_MISSING: 409,
  TASK_PROMPT_REQUIRED: 400,
  TASK_RUN_ACTIVE: 409,
  TASK_PRICE_CHANGED: 409,
  INSUFFICIENT_FUNDS: 402,
  MODEL_NOT_FOUND: 404,
  MODEL_UNAVAILABLE: 409,
  // AI studio (server/routes/miniapp/studio/).
  CHAT_BUSY: 409,
  PRICE_CHANGED: 409,
  GENERATION_LIMITED: 429,
  // --- Payouts (server/routes/miniapp/payouts.ts) ---
  EMAIL_REQUIRED: 403,
  PAYOUT_TOO_SMALL: 422,
  PAYOUT_DESTINATION_INVALID: 422,
  PAYOUT_METHOD_UNAVAILABLE: 409,
  PAYOUT_RATE_CHANGED: 409,
  PAYOUT_NOT_PENDING: 409,
  // --- end of payouts ---
};

const MESSAGE_KEY: Partial<Record<TAppErrorCode, string>> = {
  UNAUTHORIZED: 'api-error-unauthorized',
  USER_BANNED: 'api-error-user-banned',
  FORBIDDEN: 'api-error-forbidden',
  NOT_FOUND: 'api-error-not-found',
  USER_NOT_FOUND: 'api-error-not-found',
  INVALID_INPUT: 'api-error-invalid-input',
  RATE_LIMITED: 'api-error-rate-limited',
  PRODUCT_NOT_FOUND: 'api-error-product-not-found',
  PAYMENT_NOT_FOUND: 'api-error-not-found',
  CURRENCY_NOT_SUPPORTED: 'api-error-provider-unavailable',
  PROVIDER_ERROR: 'api-error-provider-failed',
  FILE_TOO_LARGE: 'api-error-file-too-large',
  IMAGE_TOO_LARGE: 'api-error-image-too-large',
  FILE_TYPE_NOT_ALLOWED: 'api-error-file-type-not-allowed',
  FILE_TYPE_MISMATCH: 'api-error-file-type-mismatch',
  FILE_URL_INVALID: 'api-error-file-url-invalid',
  TASK_MATERIAL_LIMIT: 'api-error-task-material-limit',
  TASK_MATERIAL_MISSING: 'api-error-task-material-missing',
  TASK_PROMPT_REQUIRED: 'api-error-task-prompt-required',
  TASK_RUN_ACTIVE: 'api-error-task-run-active',
  TASK_PRICE_CHANGED: 'api-error-task-price-changed',
  INSUFFICIENT_FUNDS: 'api-error-insufficient-funds',
  MODEL_NOT_FOUND: 'api-error-model-not-found',
  MODEL_UNAVAILABLE: 'api-error-model-unavailable',
  CHAT_BUSY: 'api-error-chat-busy',
  PRICE_CHANGED: 'api-error-price-changed',
  GENERATION_LIMITED: 'api-error-generation-limited',
  // --- Payouts (locales/*/payouts.ftl) ---
  EMAIL_REQUIRED: 'payout-error-email-required',
  PAYOUT_TOO_SMALL: 'payout-error-too-small',
  PAYOUT_DESTINATION_INVALID: 'payout-error-destination-invalid',
  PAYOUT_METHOD_UNAVAILABLE: 'payout-error-method-unavailable',
  PAYOUT_RATE_CHANGED: 'payout-error-rate-changed',
  PAYOUT_NOT_PENDING: 'payout-error-not-pending',
  // --- end of payouts ---
};

/** A coded domain error becomes a status and a message in the caller's language; anything else is a 500. */
export function sendError(
  translator: Translator,
  request: FastifyRequest,
  reply: FastifyReply,
  error: unknown,
): FastifyReply {
  const lang = request.account?.language ?? toLang(request.headers['accept-language']);
  if (error instanceof AppError) {
    const args = Object.fromEntries(
      Object.entries(error.details).map(([k, v]) => [k, v instanceof Date ? v.toISOString() : v]),
    );
    const body: TApiError = {
      error: {
        code: error.code,
        message: translator.t(lang, MESSAGE_KEY[error.code] ?? 'api-error-invalid-input', args),
      },
    };
    return reply.status(STATUS[error.code] ?? 400).send(body);
  }
  request.log.error({ err: error }, 'request failed');
  const body: TApiError = { error: { code: 'INTERNAL', message: translator.t(lang, 'api-error-internal') } };
  return reply.status(500).send(body);
}
