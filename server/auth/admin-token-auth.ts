import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { AppError } from '#core/errors/app-error.ts';

const digest = (value: string) => createHash('sha256').update(value).digest();

/**
 * The internal admin API's guard: `Authorization` must be exactly ADMIN_API_TOKEN (the vgen spec's fixed
 * admin token, no scheme). Both sides are hashed first so the comparison takes the same time whatever the
 * length or the first differing byte of a guess. Refusals are logged with the caller's address only.
 */
export function adminTokenAuth(token: string) {
  const expected = digest(token);
  return async (request: FastifyRequest): Promise<void> => {
    const given = request.headers.authorization ?? '';
    if (timingSafeEqual(digest(given), expected)) return;
    request.log.warn(
      { ip: request.ip, url: request.url, given: given ? 'wrong' : 'none' },
      'internal API refused',
    );
    throw new AppError('UNAUTHORIZED');
  };
}
