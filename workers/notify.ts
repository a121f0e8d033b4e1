import { DelayedError, type Job, UnrecoverableError, Worker } from 'bullmq';
import type { Api } from 'grammy';
import type { PrismaClient } from '../core/db/create-prisma.ts';
import type { Logger } from '../core/logging/logger.ts';
import { deliverNotification } from '../core/notify/deliver-notification.ts';
import { NOTIFY_QUEUE, type TNotifyJob, ZNotifyJobSchema } from '../core/notify/notify-job.ts';
import type { Redis } from '../core/redis/create-redis.ts';
import { sendViaTelegram } from './telegram-sender.ts';

export interface NotifyWorkerDeps {
  db: PrismaClient;
  logger: Logger;
  connection: Redis;
  prefix: string;
  apis: { user: Api; admin: Api };
  /** Telegram allows about 30 messages a second per bot; the default leaves room for direct replies. */
  perSecond?: number;
}

/**
 * Delivers the `notify` queue. The limiter is shared by every worker process through Redis. A 429 moves only
 * that job back by Telegram's retry_after (other chats keep flowing) and does not use up an attempt.
 */
export function startNotifyWorker(deps: NotifyWorkerDeps): Worker<TNotifyJob> {
  const processor = async (job: Job<TNotifyJob>, token?: string) => {
    const parsed = ZNotifyJobSchema.safeParse(job.data);
    if (!parsed.success) throw new UnrecoverableError(`invalid notify job: ${parsed.error.message}`);
    const data = parsed.data;
    const result = await deliverNotification(
      { db: deps.db, send: (j) => sendViaTelegram(deps.apis[j.bot], j) },
      data,
    );
    const log = deps.logger.child({ jobId: job.id, queue: NOTIFY_QUEUE });
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
