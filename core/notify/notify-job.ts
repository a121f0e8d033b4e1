import { z } from 'zod';

export const NOTIFY_QUEUE = 'notify';

const ZButtonSchema = z.union([
  z.object({ text: z.string().min(1), url: z.url() }),
  z.object({ text: z.string().min(1), webApp: z.url() }),
  z.object({ text: z.string().min(1), callbackData: z.string().min(1).max(64) }),
]);
export type TNotifyButton = z.infer<typeof ZButtonSchema>;

/**
 * A message that is not a direct reply to an update. The text is already rendered in the recipient's language
 * by whoever enqueues it; ids travel as strings because job data is JSON.
 */
export const ZNotifyJobSchema = z
  .object({
    bot: z.enum(['user', 'admin']),
    chatId: z.string().regex(/^-?\d+$/),
    /** The account to mark as having blocked the bot when Telegram answers 403; absent for group chats. */
    userId: z.string().regex(/^\d+$/).optional(),
    /** The message, or the photo's caption (may then be empty). */
    text: z.string().max(4096),
    parseMode: z.literal('HTML').optional(),
    buttons: z.array(z.array(ZButtonSchema)).optional(),
    /** A Telegram file_id (of the sending bot: file ids are per bot) or an https URL; sent with sendPhoto. */
    photo: z.string().min(1).max(2048).optional(),
    /** Set for one recipient of a broadcast: the worker checks the broadcast's status and records the outcome. */
    broadcastId: z.string().regex(/^\d+$/).optional(),
  })
  // Telegram's limits: 4096 characters of text, 1024 of caption; a text message cannot be empty.
  .refine((job) => (job.photo ? job.text.length <= 1024 : job.text.length >= 1), {
    message: 'text must be 1-4096 characters, or a caption of at most 1024 with a photo',
    path: ['text'],
  })
  .refine((job) => !job.broadcastId || job.userId, {
    message: 'a broadcast delivery needs the recipient',
    path: ['userId'],
  });
export type TNotifyJob = z.infer<typeof ZNotifyJobSchema>;

/** What one delivery attempt came to, in terms the domain understands (the worker maps Telegram errors). */
export type TDeliveryOutcome =
  | { kind: 'sent'; messageId: number }
  | { kind: 'retry_after'; seconds: number }
  | { kind: 'blocked' }
  | { kind: 'chat_gone' };

/**
 * Telegram answered without taking the message (a 4xx other than those above), or the request never reached
 * it: nothing went out, so the journal lets a retry send it. Any other failure may have delivered it.
 */
export class NotificationNotSent extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'NotificationNotSent';
  }
}
