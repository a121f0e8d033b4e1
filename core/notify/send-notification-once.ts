import type { PrismaClient } from '#core/db/generated/client.ts';
import { NotificationNotSent, type TDeliveryOutcome, type TNotifyJob } from './notify-job.ts';

export type TSendOnceOutcome =
  /** Sent now, or by an earlier run of the job: the message is in the chat. */
  | { kind: 'sent'; messageId: number }
  /**
   * An earlier run claimed the send and never stored Telegram's answer (it died waiting, or the request broke
   * mid-way): the message may be in the chat or not, and sending again could make it two.
   */
  | { kind: 'unknown' }
  /** Telegram did not take it (429, blocked, chat gone): nothing is claimed any more. */
  | Exclude<TDeliveryOutcome, { kind: 'sent' }>;

/**
 * Sends one notification at most once, and remembers it (the rule of core/ai/generation/send-once.ts). The
 * key is claimed (a row without a message id) right before the send and completed with Telegram's id right
 * after it, so the only state a crash can leave unclear is the moment between Telegram's answer and our
 * write. A rerun that finds the key completed sends nothing; one that finds it claimed but not completed
 * gets `unknown` and never sends it again. Two runs at the same moment (BullMQ gave a live job's lock away)
 * are told apart by the claim: only one inserts it.
 */
export async function sendNotificationOnce(
  db: PrismaClient,
  input: { key: string; job: TNotifyJob; send: () => Promise<TDeliveryOutcome> },
): Promise<TSendOnceOutcome> {
  const { key, job } = input;
  const claimed = await db.notificationSend.createMany({
    data: [{ key, bot: job.bot, chatId: BigInt(job.chatId) }],
    skipDuplicates: true,
  });
  if (claimed.count === 0) {
    const earlier = await db.notificationSend.findUnique({ where: { key } });
    // A claim released between our insert and this read was a send Telegram refused: nothing is in the chat.
    if (!earlier) return sendNotificationOnce(db, input);
    return earlier.messageId === null ? { kind: 'unknown' } : { kind: 'sent', messageId: earlier.messageId };
  }
  const release = () => db.notificationSend.deleteMany({ where: { key, messageId: null } });
  let outcome: TDeliveryOutcome;
  try {
    outcome = await input.send();
  } catch (error) {
    // Telegram said no, so the next attempt may send it. Any other failure keeps the claim: it may have arrived.
    if (error instanceof NotificationNotSent) await release();
    throw error;
  }
  if (outcome.kind !== 'sent') {
    await release();
    return outcome;
  }
  await db.notificationSend.update({
    where: { key },
    data: { messageId: outcome.messageId, sentAt: new Date() },
  });
  return outcome;
}
