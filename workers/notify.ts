import { DelayedError, type Job, UnrecoverableError, Worker } from 'bullmq';
import type { Api } from 'grammy';
import type { PrismaClient } from '#core/db/create-prisma.ts';
import { LOCALES_DIR, loadTranslator, type Translator } from '#core/i18n/translator.ts';
import type { Logger } from '#core/logging/logger.ts';
import { deliverNotification } from '#core/notify/deliver-notification.ts';
import { NOTIFY_QUEUE, type TNotifyJob, ZNotifyJobSchema } from '#core/notify/notify-job.ts';
import type { Redis } from '#core/redis/create-redis.ts';
import { createBroadcastDelivery, PAUSED_RECHECK_MS } from './broadcast-delivery.ts';
import { sendViaTelegram } from './telegram-sender.ts';

export interface NotifyWorkerDeps {
  db: PrismaClient;
  logger: Logger;
  connection: Redis;
  prefix: string;
  apis: { user: Api; admin: Api };
  /** Telegram allows about 30 messages a second per bot; the default leaves room for direct replies. */
  perSecond?: number;
  /** For broadcast progress messages; loaded from locales/ when not given. */
  translator?: Translator;
}

/**
 * Delivers the `notify` queue. The limiter is shared by every worker process through Redis. A 429 moves only
 * that job back by Telegram's retry_after (other chats keep flowing) and does not use up an attempt.
 */
export function startNotifyWorker(deps: NotifyWorkerDeps): Worker<TNotifyJob> {
  const broadcasts = createBroadcastDelivery({
    db: deps.db,
    redis: deps.connection,
    keyPrefix: deps.prefix,
    adminApi: deps.apis.admin,
    translator: deps.translator ?? loadTranslator(LOCALES_DIR),
    logger: deps.logger,
  });
  const processor = async (job: Job<TNotifyJob>, token?: string) => {
    const parsed = ZNotifyJobSchema.safeParse(job.data);
    if (!parsed.success) throw new UnrecoverableError(`invalid notify job: ${parsed.error.message}`);
    const data = parsed.data;
    // A broadcast recipient: paused waits (without using an attempt), canceled or already delivered skips.
    const target =
      data.broadcastId && data.userId
        ? { broadcastId: BigInt(data.broadcastId), userId: BigInt(data.userId) }
        : null;
    const gate = target ? await broadcasts.gate(target) : 'send';
    if (gate === 'wait') {
      await job.moveToDelayed(Date.now() + PAUSED_RECHECK_MS, token);
      throw new DelayedError();
    }
    if (gate === 'skip') return { status: 'skipped_broadcast' as const };
    const result = await deliverNotification(
      { db: deps.db, send: (j) => sendViaTelegram(deps.apis[j.bot], j) },
      data,
    ).catch(async (error: unknown) => {
      // After the last attempt the recipient counts as failed, so the broadcast can still finish.
      if (target && job.attemptsMade + 1 >= (job.opts.attempts ?? 1))
        await broadcasts.record(target, 'failed');
      throw error;
    });
    const log = deps.logger.child({ jobId: job.id, queue: NOTIFY_QUEUE });
    if (target && result.status !== 'retry')
      await broadcasts.record(target, result.status === 'sent' ? 'sent' : 'blocked');
    if (result.status === 'retry') {
      log.info({ delayMs: result.delayMs }, 'telegram asked to wait');
      await job.moveToDelayed(Date.now() + result.delayMs, token);
      throw new DelayedError();
    }
    if (result.status !== 'sent') log.info({ status: result.status, userId: data.userId }, 'not delivered');
    return result;
  };
  const worker = new Worker<TNotifyJob>(NOTIFY_QUEUE, processor, {
    connection: deps.connection,
    prefix: deps.prefix,
    concurrency: 10,
    limiter: { max: deps.perSecond ?? 25, duration: 1000 },
  });
  worker.on('failed', (job, error) =>
    deps.logger.warn({ jobId: job?.id, queue: NOTIFY_QUEUE, err: error.message }, 'notification failed'),
  );
  return worker;
}
