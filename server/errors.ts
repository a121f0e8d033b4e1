import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError, type TAppErrorCode } from '../core/errors/app-error.ts';
import { type Translator, toLang } from '../core/i18n/translator.ts';
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
