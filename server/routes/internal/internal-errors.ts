import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, type TAppErrorCode } from '#core/errors/app-error.ts';
import { errorArgs } from '#core/errors/error-catalog.ts';
import { type Translator, toLang } from '#core/i18n/translator.ts';
import type { TApiError } from '#server/contracts/me.ts';

// The internal API is called by scripts, not the Mini App: its refusals have their own statuses (a refused
// debit is a conflict with the current balance, 409) and messages, in the shared { error: { code, message } }.
const STATUS: Partial<Record<TAppErrorCode, number>> = {
  UNAUTHORIZED: 401,
  INVALID_INPUT: 400,
  USER_NOT_FOUND: 404,
  FORBIDDEN: 403,
  INSUFFICIENT_FUNDS: 409,
};

const MESSAGE_KEY: Partial<Record<TAppErrorCode, string>> = {
  UNAUTHORIZED: 'internal-api-unauthorized',
  INVALID_INPUT: 'internal-api-invalid-input',
  USER_NOT_FOUND: 'internal-api-user-not-found',
  FORBIDDEN: 'internal-api-forbidden',
  INSUFFICIENT_FUNDS: 'internal-api-insufficient-funds',
};

export function internalErrorHandler(translator: Translator) {
  return (error: FastifyError | Error, request: FastifyRequest, reply: FastifyReply) => {
    const lang = toLang(request.headers['accept-language']);
    // Fastify's own refusals (malformed JSON, wrong content type) are the caller's mistake too.
    const statusCode = 'statusCode' in error ? error.statusCode : undefined;
    const known =
      error instanceof AppError
        ? error
        : statusCode !== undefined && statusCode >= 400 && statusCode < 500
          ? new AppError('INVALID_INPUT')
          : null;
    if (!known || STATUS[known.code] === undefined) {
      request.log.error({ err: error }, 'internal API call failed');
      const body: TApiError = {
        error: { code: 'INTERNAL', message: translator.t(lang, 'internal-api-internal') },
      };
      return reply.status(500).send(body);
    }
    const body: TApiError = {
      error: {
        code: known.code,
        message: translator.t(
          lang,
          MESSAGE_KEY[known.code] ?? 'internal-api-internal',
          errorArgs(known.details),
        ),
      },
    };
    return reply.status(STATUS[known.code] ?? 400).send(body);
  };
}
