import type { FastifyInstance } from 'fastify';
import type { ServerDeps } from '#server/deps.ts';

const withTimeout = <T>(promise: Promise<T>, ms: number): Promise<T> =>
  Promise.race([
    promise,
    new Promise<T>((_, reject) => setTimeout(() => reject(new Error('timeout')), ms).unref()),
  ]);

/** Load balancers and compose health checks ask here; both stores must answer within two seconds. */
export function healthRoutes(app: FastifyInstance, deps: ServerDeps) {
  app.get('/health', async (_request, reply) => {
    const [postgres, redis] = await Promise.allSettled([
      withTimeout(deps.db.$queryRaw`SELECT 1`, 2000),
      withTimeout(deps.redis.ping(), 2000),
    ]);
    const status = { postgres: postgres.status === 'fulfilled', redis: redis.status === 'fulfilled' };
    const ok = status.postgres && status.redis;
    return reply.status(ok ? 200 : 503).send({ ok, ...status });
  });
  app.get('/metrics', async (_request, reply) => {
    reply.header('content-type', deps.metrics.contentType);
    return deps.metrics.metrics();
  });
}
