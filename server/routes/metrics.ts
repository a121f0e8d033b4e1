import type { FastifyInstance } from 'fastify';
import { AppError } from '#core/errors/app-error.ts';
import { metricsAccessRule } from '#core/runtime/metrics-access.ts';
import type { ServerDeps } from '#server/deps.ts';
import { sendError } from '#server/errors.ts';

/**
 * Prometheus scrapes the app here (core/runtime/metrics-access.ts says who may). `request.ip` honours
 * TRUST_PROXY, so a public client behind a local reverse proxy does not count as loopback.
 */
export function metricsRoutes(
  app: FastifyInstance,
  deps: Pick<ServerDeps, 'config' | 'metrics' | 'translator'>,
) {
  const access = metricsAccessRule(deps.config);
  app.get('/metrics', async (request, reply) => {
    const verdict = access({ authorization: request.headers.authorization, address: request.ip });
    if (verdict === 'hidden') return sendError(deps.translator, request, reply, new AppError('NOT_FOUND'));
    if (verdict === 'unauthorized') {
      request.log.warn(
        { ip: request.ip, given: request.headers.authorization ? 'wrong' : 'none' },
        'metrics refused',
      );
      reply.header('www-authenticate', 'Bearer');
      return sendError(deps.translator, request, reply, new AppError('UNAUTHORIZED'));
    }
    reply.header('content-type', deps.metrics.contentType);
    return deps.metrics.metrics();
  });
}
