import type { FastifyInstance } from 'fastify';
import { adminTokenAuth } from '#server/auth/admin-token-auth.ts';
import type { ServerDeps } from '#server/deps.ts';
import { internalBalanceRoutes } from './balance.ts';
import { internalErrorHandler } from './internal-errors.ts';
import { internalUserRoutes } from './user.ts';

/**
 * The internal admin API (/api/internal/*), outside the Mini App's initData auth. Without ADMIN_API_TOKEN it
 * is not mounted at all, so its paths answer 404 like any unknown path.
 */
export async function internalApiRoutes(app: FastifyInstance, deps: ServerDeps): Promise<void> {
  const token = deps.config.ADMIN_API_TOKEN;
  if (!token) return;
  await app.register(async (internal) => {
    internal.setErrorHandler(internalErrorHandler(deps.translator));
    internal.addHook('onRequest', adminTokenAuth(token));
    internalUserRoutes(internal, deps);
    internalBalanceRoutes(internal, deps);
  });
}
