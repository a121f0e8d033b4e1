import type { Queue } from 'bullmq';
import type { Api } from 'grammy';
import type { Registry } from 'prom-client';
import type { TGenerationDelivery } from '#core/ai/generation/generation-delivery.ts';
import type { TAiJob } from '#core/ai/generation/generation-job.ts';
import type { TAiGateway } from '#core/ai/providers/ai-gateway.ts';
import type { TAnalyticsSink } from '#core/analytics/analytics-sink.ts';
import type { TEnv } from '#core/config/env.ts';
import type { PrismaClient } from '#core/db/create-prisma.ts';
import type { TFileStore } from '#core/files/file-store.ts';
import type { Translator } from '#core/i18n/translator.ts';
import type { Logger } from '#core/logging/logger.ts';
import type { TNotifyJob } from '#core/notify/notify-job.ts';
import type { Redis } from '#core/redis/create-redis.ts';
import type { TServiceRegistry } from '#core/services/registry.ts';
import type { TNoticeLinks } from '#core/video-tasks/task-run-notice.ts';

/**
 * Everything a job handler may use, built once per worker process (workers/worker-context.ts) and passed
 * to every handler. A new service adds what its jobs need here and builds it there.
 */
export interface TWorkerContext {
  config: TEnv;
  logger: Logger;
  db: PrismaClient;
  redis: Redis;
  /** BullMQ's key namespace inside REDIS_PREFIX: every Worker and Queue of the platform uses it. */
  queuePrefix: string;
  /** The worker process's Prometheus registry, served on WORKER_METRICS_PORT. */
  metrics: Registry;
  translator: Translator;
  /** Producers for the queues handlers enqueue into; closed after every worker has stopped. */
  notifyQueue: Queue<TNotifyJob>;
  aiQueue: Queue<TAiJob>;
  /** Plain Bot API clients of both bots: the notify job handles Telegram's 429s itself. */
  telegram: { user: Api; admin: Api };
  ai: TAiGateway;
  fileStore: TFileStore;
  analyticsSinks: readonly TAnalyticsSink[];
  /** How generation results reach the user's chat (workers/ai/telegram-delivery.ts, on its own Api). */
  generationDelivery: TGenerationDelivery;
  /** For links in messages the worker writes (video-task notices). */
  links: TNoticeLinks;
  /** The services (core/services/registry.ts): their after-commit operations run in the worker. */
  services: TServiceRegistry;
}
