import { createServer, type Server } from 'node:http';
import type { Registry } from 'prom-client';
import type { TEnv } from '#core/config/env.ts';
import type { PrismaClient } from '#core/db/create-prisma.ts';
import type { Logger } from '#core/logging/logger.ts';
import type { Redis } from '#core/redis/create-redis.ts';
import { checkStores } from '#core/runtime/check-stores.ts';
import { metricsAccessRule } from '#core/runtime/metrics-access.ts';

export interface TMetricsEndpointDeps {
  config: Pick<TEnv, 'METRICS_TOKEN' | 'NODE_ENV'>;
  registry: Registry;
  db: PrismaClient;
  redis: Redis;
  logger: Logger;
}

export interface TMetricsEndpoint {
  /** The port it listens on (the one asked for, or the one the system chose for 0). */
  port: number;
  close(): Promise<void>;
}

/**
 * The worker's own small HTTP endpoint, so Prometheus can scrape it and an orchestrator can probe it:
 * `/metrics` under the app's rule (core/runtime/metrics-access.ts), `/health` checking PostgreSQL and Redis.
 * No proxy sits in front of it, so the socket's address is the client's.
 */
export async function startMetricsEndpoint(
  deps: TMetricsEndpointDeps,
  listen: { host: string; port: number },
): Promise<TMetricsEndpoint> {
  const access = metricsAccessRule(deps.config);
  const server: Server = createServer((request, response) => {
    const path = (request.url ?? '/').split('?')[0];
    const answer = async () => {
      if (request.method !== 'GET') return send(405, 'method not allowed');
      if (path === '/health') {
        const health = await checkStores(deps);
        response.writeHead(health.ok ? 200 : 503, { 'content-type': 'application/json' });
        return response.end(JSON.stringify(health));
      }
      if (path !== '/metrics') return send(404, 'not found');
      const verdict = access({
        authorization: request.headers.authorization,
        address: request.socket.remoteAddress,
      });
      if (verdict === 'hidden') return send(404, 'not found');
      if (verdict === 'unauthorized') {
        deps.logger.warn({ ip: request.socket.remoteAddress }, 'metrics refused');
        response.setHeader('www-authenticate', 'Bearer');
        return send(401, 'unauthorized');
      }
      const body = await deps.registry.metrics();
      response.writeHead(200, { 'content-type': deps.registry.contentType });
      response.end(body);
    };
    const send = (status: number, text: string) => {
      response.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' });
      response.end(text);
    };
    answer().catch((error: unknown) => {
      deps.logger.error(
        { err: error instanceof Error ? error.message : String(error), path },
        'metrics endpoint failed',
      );
      if (!response.headersSent) send(500, 'internal error');
      else response.destroy();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(listen.port, listen.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address();
  return {
    port: typeof address === 'object' && address ? address.port : listen.port,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        // Prometheus keeps its connection alive between scrapes; shutdown must not wait for it.
        server.closeIdleConnections();
      }),
  };
}
