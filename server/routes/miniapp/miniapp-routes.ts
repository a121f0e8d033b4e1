import type { FastifyInstance } from 'fastify';
import type { ServerDeps } from '#server/deps.ts';
import { withFiles } from '#server/routes/files/file-route-deps.ts';
import { fileUploadRoutes } from '#server/routes/files/file-upload.ts';
import { fileUrlRoutes } from '#server/routes/files/file-url.ts';
import { catalogRoutes } from './catalog.ts';
import { meRoutes } from './me.ts';
import { payoutRoutes } from './payouts.ts';
import { promoRoutes } from './promo.ts';
import { referralRoutes } from './referral.ts';
import { studioRoutes } from './studio/studio-routes.ts';
import { taskRoutes } from './tasks.ts';
import { vpnRoutes } from './vpn.ts';
import { walletRoutes } from './wallet.ts';
import { walletPayRoutes } from './wallet-pay.ts';

/** Mounts one area of the Mini App API on the authenticated scope (initData checked before every route). */
type TMiniAppRoutes = (api: FastifyInstance, deps: ServerDeps) => unknown;

/**
 * Every area of the Mini App API, in one list (server/create-server.ts mounts them behind initData). A
 * service adds one line; a route that needs optional dependencies mounts itself only when they are given.
 */
export const MINIAPP_ROUTES: readonly TMiniAppRoutes[] = [
  meRoutes,
  walletRoutes,
  catalogRoutes,
  walletPayRoutes,
  referralRoutes,
  promoRoutes,
  payoutRoutes,
  async (api, deps) => {
    const files = withFiles(deps);
    if (!files) return;
    await fileUploadRoutes(api, files);
    fileUrlRoutes(api, files);
    // Video tasks need uploads (their materials) and the `ai` queue (their runs).
    if (deps.aiQueue) taskRoutes(api, { ...files, aiQueue: deps.aiQueue });
  },
  // The AI studio: chat, generation, gallery, usage (each part mounted when its dependencies are given).
  studioRoutes,
  vpnRoutes,
];
