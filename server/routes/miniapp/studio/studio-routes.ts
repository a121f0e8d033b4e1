import type { FastifyInstance } from 'fastify';
import type { ServerDeps } from '#server/deps.ts';
import { withFiles } from '#server/routes/files/file-route-deps.ts';
import { studioChatRoute } from './chat-stream-route.ts';
import { studioDialogRoutes } from './dialogs-routes.ts';
import { studioGalleryRoute } from './gallery-route.ts';
import { studioGenerationRoutes } from './generations-routes.ts';
import { studioModelsRoute } from './models-route.ts';
import { studioUsageRoute } from './usage-route.ts';

/**
 * The AI studio of the Mini App under /api/studio (inside the initData-authenticated scope). Models,
 * dialogs, chat and usage need only the database and the AI gateway; the gallery needs the file URL key;
 * generations also the `ai` queue. Parts whose dependencies are missing are not mounted (404).
 */
export function studioRoutes(api: FastifyInstance, deps: ServerDeps) {
  studioModelsRoute(api, deps);
  studioDialogRoutes(api, deps);
  studioChatRoute(api, deps);
  studioUsageRoute(api, deps);
  const files = withFiles(deps);
  if (!files) return;
  studioGalleryRoute(api, files);
  if (deps.aiQueue) studioGenerationRoutes(api, { ...files, aiQueue: deps.aiQueue });
}
