import type { FastifyInstance } from 'fastify';
import { adminMiniAppAuth } from '#server/auth/admin-miniapp-auth.ts';
import type { ServerDeps } from '#server/deps.ts';
import { adminMeRoutes } from './admin-me.ts';
import { adminVpnRoutes } from './admin-vpn.ts';

/** Mounts one area of the admin Mini App API behind the admin guard; each route names its permission. */
type TAdminRoutes = (api: FastifyInstance, deps: ServerDeps) => unknown;

/** Every area of the admin Mini App API under /api/admin/. A service (GPU, trading) adds one line. */
export const ADMIN_MINIAPP_ROUTES: readonly TAdminRoutes[] = [adminMeRoutes, adminVpnRoutes];

/**
 * The admin Mini App API in its own scope: its guard (admin bot's initData, the role on every call) runs
 * for these routes only, and the user API's guard (user bot's initData) never sees them.
 */
export async function adminMiniAppApi(app: FastifyInstance, deps: ServerDeps): Promise<void> {
  await app.register(async (api) => {
    api.decorateRequest('staff', null);
    api.addHook('onRequest', adminMiniAppAuth(deps));
    for (const routes of ADMIN_MINIAPP_ROUTES) await routes(api, deps);
  });
}
