import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '#core/errors/app-error.ts';
import { errorArgs } from '#core/errors/error-catalog.ts';
import { type Translator, toLang } from '#core/i18n/translator.ts';
import { REGISTRY } from '#core/services/registry.ts';
import type { TApiError } from './contracts/me.ts';

/**
 * A coded domain error becomes its status and its message (the merged error catalog) in the caller's
 * language; anything else is a 500. A coded error that is a 5xx is still our failure, so it is logged.
 */
export function sendError(
  translator: Translator,
  request: FastifyRequest,
  reply: FastifyReply,
  error: unknown,
): FastifyReply {
  const lang = request.account?.language ?? toLang(request.headers['accept-language']);
  if (error instanceof AppError) {
    const spec = REGISTRY.error(error.code);
    if (spec.status >= 500) request.log.error({ err: error, details: error.details }, 'request failed');
    const body: TApiError = {
      error: { code: error.code, message: translator.t(lang, spec.api, errorArgs(error.details)) },
    };
    if (error.code === 'USER_BANNED') body.error.reason = String(error.details.reason ?? '');
    return reply.status(spec.status).send(body);
  }
  request.log.error({ err: error }, 'request failed');
  const body: TApiError = { error: { code: 'INTERNAL', message: translator.t(lang, 'api-error-internal') } };
  return reply.status(500).send(body);
}
