import { Queue, Worker } from 'bullmq';
import type { Api } from 'grammy';
import type { PrismaClient } from '#core/db/create-prisma.ts';
import type { Translator } from '#core/i18n/translator.ts';
import type { Logger } from '#core/logging/logger.ts';
import { NOTIFY_QUEUE, type TNotifyJob } from '#core/notify/notify-job.ts';
import {
  reconcileStarPayments,
  type TStarReconciliation,
} from '#core/payments/stars/reconcile-star-payments.ts';
import { redisStarCursorStore } from '#core/payments/stars/redis-star-cursor.ts';
import type { Redis } from '#core/redis/create-redis.ts';

export const STAR_RECONCILIATION_QUEUE = 'star-reconciliation';
/** A charge is left to the bot for one interval, at most a minute: its update is normally handled in ms. */
const MAX_MIN_AGE_MS = 60_000;

export interface StarReconciliationDeps {
  db: PrismaClient;
  logger: Logger;
  connection: Redis;
  /** BullMQ's prefix (`<REDIS_PREFIX>:bull`). */
  prefix: string;
  /** REDIS_PREFIX: the cursor's key lives under it. */
  redisPrefix: string;
  /** The user bot's API: Stars payments are made to it. */
  api: Api;
  translator: Translator;
  /** STAR_RECONCILIATION_EVERY_MS. */
  everyMs: number;
}

/**
 * Every few minutes, Telegram's own record of the user bot's Stars (getStarTransactions) is compared with
 * our payments and any paid charge we never booked is credited once, the buyer told through `notify`
 * (core/payments/stars/reconcile-star-payments.ts). It is what guarantees a Stars payment is never lost,
 * whatever happened to its `successful_payment` update. One scheduler id for every worker process.
 */
export async function startStarReconciliation(deps: StarReconciliationDeps) {
  const queue = new Queue(STAR_RECONCILIATION_QUEUE, { connection: deps.connection, prefix: deps.prefix });
  const notifyQueue = new Queue<TNotifyJob>(NOTIFY_QUEUE, {
    connection: deps.connection,
    prefix: deps.prefix,
  });
  await queue.upsertJobScheduler(
    'star-reconciliation',
    { every: deps.everyMs },
    { name: 'reconcile', opts: { removeOnComplete: 20, removeOnFail: 50 } },
  );
  const reconcileDeps = {
    db: deps.db,
    transactions: {
      page: async (page: { offset: number; limit: number }) =>
        (await deps.api.getStarTransactions(page)).transactions,
    },
    cursor: redisStarCursorStore(deps.connection, `${deps.redisPrefix}:stars:reconciliation-cursor`),
    announce: { db: deps.db, queue: notifyQueue, translator: deps.translator },
  };
  const worker = new Worker(
    STAR_RECONCILIATION_QUEUE,
    async (job) => {
      const result = await reconcileStarPayments(reconcileDeps, {
        minAgeMs: Math.min(deps.everyMs, MAX_MIN_AGE_MS),
      });
      report(deps.logger.child({ jobId: job.id, queue: STAR_RECONCILIATION_QUEUE }), result);
      return {
        credited: result.credited.length,
        alreadyBooked: result.alreadyBooked,
        busy: result.busy.length,
        tooYoung: result.tooYoung,
        failed: result.failed.length,
        settledThrough: result.settledThrough,
      };
    },
    { connection: deps.connection, prefix: deps.prefix, concurrency: 1 },
  );
  return {
    worker,
    async close() {
      await worker.close();
      await queue.close();
      await notifyQueue.close();
    },
  };
}

/** Anything credited here was missed by the bot; anything left over needs a person. */
function report(logger: Logger, result: TStarReconciliation): void {
  if (result.window.restarted)
    logger.warn(result.window, 'Stars transactions did not match the saved cursor; read from the start');
  if (result.credited.length > 0)
    logger.warn({ charges: result.credited }, 'Stars payments the bot missed, credited by reconciliation');
  if (result.unannounced.length > 0)
    logger.error({ charges: result.unannounced }, 'Stars payments credited but the buyer was not told');
  if (result.unmatched.length > 0)
    logger.error({ charges: result.unmatched }, 'Stars payments that match no payment of ours');
  if (result.conflicts.length > 0)
    logger.error(
      { charges: result.conflicts },
      'Stars payments that cannot be credited: refund or credit by hand',
    );
  if (result.failed.length > 0)
    logger.error({ charges: result.failed }, 'Stars payments not reconciled, retried next run');
  if (result.refunded.length > 0)
    logger.info(
      { charges: result.refunded },
      'Stars payments refunded before they were booked; nothing credited',
    );
  logger.debug(
    {
      window: result.window,
      settledThrough: result.settledThrough,
      alreadyBooked: result.alreadyBooked,
      busy: result.busy.length,
      tooYoung: result.tooYoung,
    },
    'Stars payments reconciled',
  );
}
