import { z } from 'zod';
import type { Logger } from '#core/logging/logger.ts';
import {
  reconcileStarPayments,
  type TStarReconciliation,
} from '#core/payments/stars/reconcile-star-payments.ts';
import { redisStarCursorStore } from '#core/payments/stars/redis-star-cursor.ts';
import { defineJob } from '#workers/runtime/job-definition.ts';

export const STAR_RECONCILIATION_QUEUE = 'star-reconciliation';
/** A charge is left to the bot for one interval, at most a minute: its update is normally handled in ms. */
const MAX_MIN_AGE_MS = 60_000;

/**
 * Every STAR_RECONCILIATION_EVERY_MS, Telegram's own record of the user bot's Stars (getStarTransactions) is
 * compared with our payments and any paid charge we never booked is credited once, the buyer told through
 * `notify` (core/payments/stars/reconcile-star-payments.ts). It is what guarantees a Stars payment is never
 * lost, whatever happened to its `successful_payment` update. One scheduler id for every worker process.
 */
export const starReconciliationJob = defineJob({
  id: STAR_RECONCILIATION_QUEUE,
  data: z.object({}).loose(),
  concurrency: 1,
  schedules: (ctx) => [
    {
      id: 'star-reconciliation',
      name: 'reconcile',
      every: ctx.config.STAR_RECONCILIATION_EVERY_MS,
      opts: { removeOnComplete: 20, removeOnFail: 50 },
    },
  ],
  async handle(job, ctx) {
    const everyMs = ctx.config.STAR_RECONCILIATION_EVERY_MS;
    const result = await reconcileStarPayments(
      {
        db: ctx.db,
        transactions: {
          // Stars payments are made to the user bot.
          page: async (page: { offset: number; limit: number }) =>
            (await ctx.telegram.user.getStarTransactions(page)).transactions,
        },
        cursor: redisStarCursorStore(ctx.redis, `${ctx.config.REDIS_PREFIX}:stars:reconciliation-cursor`),
        announce: { db: ctx.db, queue: ctx.notifyQueue, translator: ctx.translator },
      },
      { minAgeMs: Math.min(everyMs, MAX_MIN_AGE_MS) },
    );
    report(job.log, result);
    return {
      credited: result.credited.length,
      alreadyBooked: result.alreadyBooked,
      busy: result.busy.length,
      tooYoung: result.tooYoung,
      failed: result.failed.length,
      settledThrough: result.settledThrough,
    };
  },
});

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
