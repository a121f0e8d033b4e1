import { deliverNotification } from '#core/notify/deliver-notification.ts';
import { NOTIFY_QUEUE, ZNotifyJobSchema } from '#core/notify/notify-job.ts';
import { defineJob } from '#workers/runtime/job-definition.ts';
import { createBroadcastDelivery, PAUSED_RECHECK_MS } from './broadcast-delivery.ts';
import { sendViaTelegram } from './telegram-sender.ts';

const BROADCAST_STATUS = {
  sent: 'sent',
  unknown: 'failed',
  blocked: 'blocked',
  skipped_blocked: 'blocked',
} as const;

/**
 * Delivers the `notify` queue. The limiter is shared by every worker process through Redis. A 429 moves only
 * that job back by Telegram's retry_after (other chats keep flowing) and does not use up an attempt.
 */
export const notifyJob = defineJob({
  id: NOTIFY_QUEUE,
  data: ZNotifyJobSchema,
  concurrency: 10,
  // Telegram allows about 30 messages a second per bot; 25 leaves room for the bots' direct replies.
  limiter: { max: 25, duration: 1000 },
  async handle(job, ctx) {
    const data = job.data;
    const broadcasts = createBroadcastDelivery({
      db: ctx.db,
      redis: ctx.redis,
      keyPrefix: ctx.queuePrefix,
      adminApi: ctx.telegram.admin,
      translator: ctx.translator,
      logger: ctx.logger,
    });
    // A broadcast recipient: paused waits (without using an attempt), canceled or already delivered skips.
    const target =
      data.broadcastId && data.userId
        ? { broadcastId: BigInt(data.broadcastId), userId: BigInt(data.userId) }
        : null;
    const gate = target ? await broadcasts.gate(target) : 'send';
    if (gate === 'wait') return job.later(PAUSED_RECHECK_MS);
    if (gate === 'skip') return { status: 'skipped_broadcast' as const };
    // The job id is the journal's key: the caller's dedupe key, or the id enqueueNotification gave it; the
    // same for every attempt and for a rerun after the process died.
    const key = job.id;
    const result = await deliverNotification(
      { db: ctx.db, send: (j) => sendViaTelegram(ctx.telegram[j.bot], j) },
      { key, job: data },
    ).catch(async (error: unknown) => {
      // After the last attempt the recipient counts as failed, so the broadcast can still finish.
      if (target && job.isLastAttempt) await broadcasts.record(target, 'failed');
      throw error;
    });
    if (result.status === 'unknown')
      // The message may be in the chat or not: an earlier run died between its send and storing the answer.
      job.log.warn({ key }, 'an earlier attempt may have sent this notification; not sending it again');
    // A send nobody saw the answer of counts as failed: the broadcast cannot say it was delivered.
    if (target && result.status !== 'retry') await broadcasts.record(target, BROADCAST_STATUS[result.status]);
    if (result.status === 'retry') {
      job.log.info({ delayMs: result.delayMs }, 'telegram asked to wait');
      return job.later(result.delayMs);
    }
    if (result.status !== 'sent' && result.status !== 'unknown')
      job.log.info({ status: result.status, userId: data.userId }, 'not delivered');
    return result;
  },
});
