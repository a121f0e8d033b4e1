import type { PrismaClient } from '#core/db/generated/client.ts';
import { MessageNotSent, type TSent } from './generation-delivery.ts';

export type TSendOnce =
  /** Sent now, or by an earlier run of the job: the message is in the chat. */
  | { kind: 'sent'; messageId: number }
  /** An earlier run claimed the slot and never stored Telegram's answer: the message may be there or not. */
  | { kind: 'unknown' }
  | { kind: 'undeliverable' };

/**
 * Sends one new message of a request at most once, and remembers it. The slot is claimed (a row without an
 * id) right before the send and completed with Telegram's id right after it, with nothing in between, so
 * the only state a crash can leave unclear is the moment between Telegram's answer and our write. A rerun
 * that finds the slot completed sends nothing; one that finds it claimed but not completed gets `unknown`
 * and decides what to do (deliver-result.ts, announce-outcome.ts); it never sends the slot again.
 *
 * Two runs of one job at the same moment (BullMQ gave a live job's lock away) are told apart by the claim:
 * only one inserts it.
 */
export async function sendOnce(
  db: PrismaClient,
  input: { requestId: bigint; slot: string; send: () => Promise<TSent> },
): Promise<TSendOnce> {
  const key = { requestId: input.requestId, slot: input.slot };
  const claimed = await db.aiRequestMessage.createMany({ data: [key], skipDuplicates: true });
  if (claimed.count === 0) {
    const earlier = await db.aiRequestMessage.findUnique({ where: { requestId_slot: key } });
    // A claim released between our insert and this read was a send Telegram refused: nothing is in the chat.
    if (!earlier) return sendOnce(db, input);
    return earlier.messageId === null ? { kind: 'unknown' } : { kind: 'sent', messageId: earlier.messageId };
  }
  const release = () => db.aiRequestMessage.deleteMany({ where: { ...key, messageId: null } });
  let sent: TSent;
  try {
    sent = await input.send();
  } catch (error) {
    // Telegram said no, so the next run may send it. Any other failure keeps the claim: it may have arrived.
    if (error instanceof MessageNotSent) await release();
    throw error;
  }
  if (sent === 'undeliverable') {
    await release();
    return { kind: 'undeliverable' };
  }
  await db.aiRequestMessage.update({
    where: { requestId_slot: key },
    data: { messageId: sent.messageId, sentAt: new Date() },
  });
  return { kind: 'sent', messageId: sent.messageId };
}
