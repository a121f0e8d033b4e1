import { Queue } from 'bullmq';
import { Api } from 'grammy';
import type { Registry } from 'prom-client';
import { AI_QUEUE, type TAiJob } from '#core/ai/generation/generation-job.ts';
import { createConfiguredAiGateway } from '#core/ai/providers/configured-ai-gateway.ts';
import { configuredSinks } from '#core/analytics/configured-sinks.ts';
import type { TEnv } from '#core/config/env.ts';
import type { StoredFile } from '#core/db/generated/client.ts';
import { createFileStore } from '#core/files/create-file-store.ts';
import { fileUrlKeyOf, signFileUrl } from '#core/files/signed-url.ts';
import { LOCALES_DIR, loadTranslator } from '#core/i18n/translator.ts';
import { NOTIFY_QUEUE, type TNotifyJob } from '#core/notify/notify-job.ts';
import type { Infrastructure } from '#core/runtime/infrastructure.ts';
import { REGISTRY } from '#core/services/registry.ts';
import type { TWorkerContext } from '#workers/runtime/worker-context.ts';
import { createDeliveryApi, createTelegramDelivery } from './ai/telegram-delivery.ts';

export interface TBuiltWorkerContext {
  context: TWorkerContext;
  /** Closes the producer queues; after the workers, which may still enqueue while they finish. */
  close(): Promise<void>;
}

/** The worker process's context, built once from the environment and the infrastructure. */
export function createWorkerContext(
  config: TEnv,
  infra: Pick<Infrastructure, 'logger' | 'db' | 'redis' | 'queuePrefix'>,
  metrics: Registry,
): TBuiltWorkerContext {
  const { logger, db, redis, queuePrefix } = infra;
  const translator = loadTranslator(LOCALES_DIR);
  const notifyQueue = new Queue<TNotifyJob>(NOTIFY_QUEUE, { connection: redis, prefix: queuePrefix });
  const aiQueue = new Queue<TAiJob>(AI_QUEUE, { connection: redis, prefix: queuePrefix });
  const apiOptions = { apiRoot: config.TELEGRAM_API_ROOT };
  const context: TWorkerContext = {
    config,
    logger,
    db,
    redis,
    queuePrefix,
    metrics,
    translator,
    notifyQueue,
    aiQueue,
    telegram: {
      user: new Api(config.BOT_TOKEN, apiOptions),
      admin: new Api(config.ADMIN_BOT_TOKEN, apiOptions),
    },
    // The same providers, keys and key rests as the app.
    ai: createConfiguredAiGateway({ env: config, redis, logger, metrics }),
    fileStore: createFileStore(config),
    analyticsSinks: configuredSinks(config),
    generationDelivery: createTelegramDelivery({
      api: createDeliveryApi(config.BOT_TOKEN, config.TELEGRAM_API_ROOT),
      db,
      translator,
      logger,
      publicFileUrl: publicFileUrl(config),
    }),
    links: {
      miniAppUrl: config.MINIAPP_URL ?? config.PUBLIC_URL ?? null,
      publicUrl: config.PUBLIC_URL ?? config.MINIAPP_URL ?? null,
      fileUrlKey: fileUrlKeyOf(config.DATA_ENCRYPTION_KEY),
    },
    services: REGISTRY,
  };
  return {
    context,
    async close() {
      await notifyQueue.close();
      await aiQueue.close();
    },
  };
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
