import { Queue } from 'bullmq';
import { Api } from 'grammy';
import { syncModelCatalog } from '#core/ai/models/sync-model-catalog.ts';
import { createConfiguredAiGateway } from '#core/ai/providers/configured-ai-gateway.ts';
import { configuredSinks } from '#core/analytics/configured-sinks.ts';
import { ConfigError, loadEnv, type TEnv } from '#core/config/env.ts';
import type { StoredFile } from '#core/db/generated/client.ts';
import { createFileStore } from '#core/files/create-file-store.ts';
import { fileUrlKeyOf, signFileUrl } from '#core/files/signed-url.ts';
import { LOCALES_DIR, loadTranslator } from '#core/i18n/translator.ts';
import { NOTIFY_QUEUE, type TNotifyJob } from '#core/notify/notify-job.ts';
import { createInfrastructure } from '#core/runtime/infrastructure.ts';
import { REGISTRY } from '#core/services/registry.ts';
import { finishTaskRun } from '#core/video-tasks/finish-task-run.ts';
import { startAiWorker } from './ai.ts';
import { startAiRecovery } from './ai-recovery.ts';
import { startAnalyticsExport } from './analytics-export.ts';
import { startFileCleanup } from './file-cleanup.ts';
import { startLedgerMaintenance } from './ledger-maintenance.ts';
import { startNotifyWorker } from './notify.ts';
import { startServiceOperations } from './service-operations.ts';
import { startStarReconciliation } from './star-reconciliation.ts';

async function main() {
  const config = loadEnv();
  const infra = createInfrastructure(config, 'worker');
  infra.shutdown.onSignals();
  await syncModelCatalog(infra.db);
  // For the `ai` queue's worker (workers/ai.ts): the same providers, keys and key rests as the app.
  const ai = createConfiguredAiGateway({ env: config, redis: infra.redis, logger: infra.logger });
  const apiOptions = { apiRoot: config.TELEGRAM_API_ROOT };
  const notify = startNotifyWorker({
    db: infra.db,
    logger: infra.logger,
    connection: infra.redis,
    prefix: infra.queuePrefix,
    apis: { user: new Api(config.BOT_TOKEN, apiOptions), admin: new Api(config.ADMIN_BOT_TOKEN, apiOptions) },
  });
  infra.shutdown.add('notify worker', () => notify.close());
  await notify.waitUntilReady();
  const analytics = await startAnalyticsExport({
    db: infra.db,
    logger: infra.logger,
    connection: infra.redis,
    prefix: infra.queuePrefix,
    sinks: configuredSinks(config),
  });
  infra.shutdown.add('analytics export', () => analytics.close());
  const ledger = await startLedgerMaintenance({
    db: infra.db,
    logger: infra.logger,
    connection: infra.redis,
    prefix: infra.queuePrefix,
  });
  infra.shutdown.add('ledger maintenance', () => ledger.close());
  const fileCleanup = await startFileCleanup({
    db: infra.db,
    logger: infra.logger,
    connection: infra.redis,
    prefix: infra.queuePrefix,
    store: createFileStore(config),
    filesDir: config.FILES_DIR,
    tz: config.FILE_CLEANUP_TZ,
  });
  infra.shutdown.add('file cleanup', () => fileCleanup.close());
  // Video-task runs end with a bot message through `notify`; closed after the ai worker (reverse order).
  const notifyQueue = new Queue<TNotifyJob>(NOTIFY_QUEUE, {
    connection: infra.redis,
    prefix: infra.queuePrefix,
  });
  infra.shutdown.add('notify queue', () => notifyQueue.close());
  const taskRuns = {
    db: infra.db,
    notifyQueue,
    translator: loadTranslator(LOCALES_DIR),
    links: {
      miniAppUrl: config.MINIAPP_URL ?? config.PUBLIC_URL ?? null,
      publicUrl: config.PUBLIC_URL ?? config.MINIAPP_URL ?? null,
      fileUrlKey: fileUrlKeyOf(config.DATA_ENCRYPTION_KEY),
    },
  };
  const aiWorker = startAiWorker({
    db: infra.db,
    logger: infra.logger,
    connection: infra.redis,
    prefix: infra.queuePrefix,
    // Its own Api: the ai worker installs auto-retry on it, the notify worker handles 429s itself.
    api: new Api(config.BOT_TOKEN, apiOptions),
    ai,
    fileStore: createFileStore(config),
    publicFileUrl: publicFileUrl(config),
    onFinished: (requestId) => finishTaskRun(taskRuns, requestId),
  });
  infra.shutdown.add('ai worker', () => aiWorker.close());
  const aiRecovery = await startAiRecovery({
    db: infra.db,
    logger: infra.logger,
    connection: infra.redis,
    prefix: infra.queuePrefix,
  });
  infra.shutdown.add('ai recovery', () => aiRecovery.close());
  const serviceOperations = await startServiceOperations({
    db: infra.db,
    logger: infra.logger,
    connection: infra.redis,
    prefix: infra.queuePrefix,
    databaseUrl: config.DATABASE_URL,
    env: config,
    registry: REGISTRY,
    notifyQueue,
    translator: taskRuns.translator,
  });
  infra.shutdown.add('service operations', () => serviceOperations.close());
  const starReconciliation = await startStarReconciliation({
    db: infra.db,
    logger: infra.logger,
    connection: infra.redis,
    prefix: infra.queuePrefix,
    redisPrefix: config.REDIS_PREFIX,
    api: new Api(config.BOT_TOKEN, apiOptions),
    translator: taskRuns.translator,
    everyMs: config.STAR_RECONCILIATION_EVERY_MS,
  });
  infra.shutdown.add('star reconciliation', () => starReconciliation.close());
  await aiWorker.worker.waitUntilReady();
  infra.logger.info('worker started');
}

/**
 * An absolute download link of a stored result, valid as long as the file is kept: the app serves
 * `/files/<id>` at PUBLIC_URL. Without a public address there is no link to give.
 */
function publicFileUrl(config: TEnv): ((file: StoredFile) => string | null) | undefined {
  const base = config.PUBLIC_URL?.replace(/\/+$/, '');
  if (!base) return undefined;
  const key = fileUrlKeyOf(config.DATA_ENCRYPTION_KEY);
  return (file) => {
    const expiresAt = file.expiresAt ?? new Date(Date.now() + 3 * 86_400_000);
    return `${base}${signFileUrl(key, { fileId: file.id, expiresAt, download: true })}`;
  };
}

main().catch((error) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
