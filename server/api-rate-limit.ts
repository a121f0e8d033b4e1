import type { FastifyReply, FastifyRequest } from 'fastify';
import { createMiniAppApiLimiter } from '#core/ai/rate-limit/http-limits.ts';
import { AppError } from '#core/errors/app-error.ts';
import type { ServerDeps } from './deps.ts';
import { sendError } from './errors.ts';

/**
 * "1,000 requests per hour per IP on the Mini App API": every `/api/*` request counts against its client
 * address (Fastify's `request.ip`, which believes X-Forwarded-For only from TRUST_PROXY hops). The internal
 * API is left out: it is one trusted caller with a token, not the public. A refusal is a localized 429
 * with `retry-after` in seconds, as HTTP clients and proxies expect.
 */
export function apiRateLimit(deps: Pick<ServerDeps, 'redis' | 'config' | 'translator'>) {
  const limiter = createMiniAppApiLimiter(deps.redis, deps.config.REDIS_PREFIX);
  return async (request: FastifyRequest, reply: FastifyReply) => {
    const path = request.url;
    if (!path.startsWith('/api/') || path.startsWith('/api/internal/')) return;
    const hit = await limiter.hit(request.ip);
    if (hit.allowed) return;
    const seconds = Math.max(1, Math.ceil((hit.retryAt.getTime() - Date.now()) / 1000));
    request.log.warn({ ip: request.ip, retryAt: hit.retryAt.toISOString() }, 'api rate limit');
    reply.header('retry-after', String(seconds));
    return sendError(deps.translator, request, reply, new AppError('RATE_LIMITED', { retryAt: hit.retryAt }));
  };
}
