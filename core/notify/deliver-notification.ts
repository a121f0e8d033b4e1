import type { PrismaClient } from '#core/db/generated/client.ts';
import type { TDeliveryOutcome, TNotifyJob } from './notify-job.ts';
import { sendNotificationOnce } from './send-notification-once.ts';

export type TSend = (job: TNotifyJob) => Promise<TDeliveryOutcome>;

export type TDeliveryResult =
  | { status: 'sent'; messageId: number }
  | { status: 'skipped_blocked' }
  | { status: 'blocked' }
  | { status: 'retry'; delayMs: number }
  /** An earlier run sent it and died before storing Telegram's answer, or may have: not sent again. */
  | { status: 'unknown' };

/**
 * One notification, one attempt. A user already known to have blocked the bot is skipped without calling
 * Telegram; a 403 marks them, so nothing is sent to them until they write to the bot again. `key` (the job's
 * id, the same for every attempt) journals the send, so no attempt sends what an earlier one already did.
 */
export async function deliverNotification(
  deps: { db: PrismaClient; send: TSend; now?: () => Date },
  input: { key: string; job: TNotifyJob },
): Promise<TDeliveryResult> {
  const { job } = input;
  const userId = job.userId ? BigInt(job.userId) : null;
  if (userId !== null) {
    const user = await deps.db.user.findUnique({ where: { id: userId }, select: { botBlockedAt: true } });
    if (job.bot === 'user' && user?.botBlockedAt) return { status: 'skipped_blocked' };
  }
  const outcome = await sendNotificationOnce(deps.db, { key: input.key, job, send: () => deps.send(job) });
  switch (outcome.kind) {
    case 'unknown':
      return { status: 'unknown' };
    case 'sent':
      return { status: 'sent', messageId: outcome.messageId };
    case 'retry_after':
      // Telegram says exactly how long to wait; a little extra avoids landing on the boundary again.
      return { status: 'retry', delayMs: outcome.seconds * 1000 + 250 };
    case 'blocked':
    case 'chat_gone':
      if (userId !== null && job.bot === 'user') {
        await deps.db.user.updateMany({
          where: { id: userId, botBlockedAt: null },
          data: { botBlockedAt: deps.now?.() ?? new Date() },
        });
      }
      return { status: 'blocked' };
  }
}
