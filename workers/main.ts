import { collectDefaultMetrics, Registry } from 'prom-client';
import { syncModelCatalog } from '#core/ai/models/sync-model-catalog.ts';
import { ConfigError, loadEnv } from '#core/config/env.ts';
import { createInfrastructure } from '#core/runtime/infrastructure.ts';
import { checkPanelAtStart } from '#core/vpn/panel-sync/panel-availability.ts';
import { startJob } from '#workers/runtime/start-job.ts';
import { JOBS } from './jobs.ts';
import { startMetricsEndpoint } from './metrics-endpoint.ts';
import { createWorkerContext } from './worker-context.ts';

/** The worker process: one BullMQ Worker per job definition in workers/jobs.ts. */
async function main() {
  const config = loadEnv();
  const infra = createInfrastructure(config, 'worker');
  infra.shutdown.onSignals();
  await syncModelCatalog(infra.db);
  // In the background: a panel that is down must not hold the start-up (its calls retry for tens of seconds).
  void checkPanelAtStart(config, infra.logger);
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  // Registered before the workers, so closed after them: a finishing job may still enqueue.
  const { context, close } = createWorkerContext(config, infra, registry);
  infra.shutdown.add('worker queues', close);
  if (config.WORKER_METRICS_PORT !== undefined) {
    const endpoint = await startMetricsEndpoint(
      { config, registry, db: infra.db, redis: infra.redis, logger: infra.logger },
      { host: config.HOST, port: config.WORKER_METRICS_PORT },
    );
    infra.shutdown.add('metrics endpoint', () => endpoint.close());
    infra.logger.info({ port: endpoint.port }, 'worker metrics endpoint listening');
  }
  const started = new Set<string>();
  for (const definition of JOBS) {
    if (started.has(definition.id)) throw new Error(`two job definitions for queue ${definition.id}`);
    started.add(definition.id);
    const running = await startJob(definition, context);
    infra.shutdown.add(`${definition.id} worker`, () => running.close());
  }
  infra.logger.info({ queues: [...started] }, 'worker started');
}

main().catch((error) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
