import type { FastifyInstance } from 'fastify';
import { checkStores } from '#core/runtime/check-stores.ts';
import type { ServerDeps } from '#server/deps.ts';

/** Load balancers and compose health checks ask here; both stores must answer within two seconds. */
export function healthRoutes(app: FastifyInstance, deps: ServerDeps) {
  app.get('/health', async (_request, reply) => {
    const health = await checkStores(deps);
    return reply.status(health.ok ? 200 : 503).send(health);
  });
}
