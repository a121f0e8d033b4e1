import { z } from 'zod';

/**
 * Request shapes of the control API (`/control/…`). The server validates
 * with these schemas and the client derives its parameter types from them,
 * so the two cannot drift apart.
 */
const token = z.string().min(1);
const userId = z.number().int().positive();
const messageTarget = {
  token,
  userId,
  /** Defaults to the private chat with the user (chat id = user id). */
  chatId: z.number().int().optional(),
  replyToMessageId: z.number().int().positive().optional(),
};

export const registerBotBody = z.object({
  token,
  username: z.string().min(1).optional(),
  firstName: z.string().min(1).optional(),
});

export const upsertUserBody = z.object({
  id: userId,
  first_name: z.string().min(1),
  last_name: z.string().optional(),
  username: z.string().optional(),
  language_code: z.string().optional(),
});

export const createGroupBody = z.object({
  /** Negative like Telegram group ids; ids at or below -1000000000000 make a supergroup. */
  id: z.number().int().negative(),
  title: z.string().min(1),
  memberIds: z.array(userId).default([]),
  botTokens: z.array(token).default([]),
});

export const sendTextBody = z.object({ ...messageTarget, text: z.string() });

export const sendContactBody = z.object({
  ...messageTarget,
  phoneNumber: z.string().min(1),
  /** Defaults to the sending user's first name. */
  firstName: z.string().min(1).optional(),
  lastName: z.string().optional(),
  /** Defaults to the sending user (sharing one's own contact); null shares a contact without a Telegram account. */
  contactUserId: z.number().int().positive().nullable().optional(),
});

export const sendFileBody = z.object({
  ...messageTarget,
  /** File bytes, base64-encoded. */
  data: z.string(),
  fileName: z.string().min(1),
  mimeType: z.string().optional(),
  caption: z.string().optional(),
  /** Seconds, for audio, video and voice: a Telegram client reads it from the file before sending. */
  duration: z.number().int().min(0).optional(),
});

export const pressButtonBody = z.object({
  token,
  userId,
  chatId: z.number().int().optional(),
  messageId: z.number().int().positive(),
  data: z.string(),
  /**
   * Official apps only press buttons that exist, but callback data is chosen by the client: a modified client
   * can send any data for any message. Tests of server-side authorization set this to send such a press.
   */
  forged: z.boolean().optional(),
});

export const setBlockedBody = z.object({ token, userId, blocked: z.boolean() });

export const payInvoiceBody = z
  .object({
    token,
    userId,
    /** An invoice message the bot sent into the private chat with the user. */
    messageId: z.number().int().positive().optional(),
    /** A createInvoiceLink link (`https://t.me/$slug`), opened like the Mini App's `openInvoice`. */
    invoiceLink: z.string().min(1).optional(),
    /** `decline_card`: the payment fails after the bot approved the pre-checkout query. */
    outcome: z.enum(['pay', 'decline_card']).default('pay'),
  })
  .refine((input) => (input.messageId === undefined) !== (input.invoiceLink === undefined), {
    message: 'give exactly one of messageId and invoiceLink',
  });

export const chatQuery = z.object({ token, chatId: z.coerce.number().int() });

export const waitQuery = chatQuery.extend({
  since: z.coerce.number().int().min(0).default(0),
  timeoutMs: z.coerce.number().int().min(0).max(60_000).default(25_000),
});

export const callsQuery = z.object({ token, method: z.string().optional() });

export const botQuery = z.object({ token });

export const callbackAnswerQuery = z.object({ id: z.string().min(1) });

export const fileQuery = z.object({ token, fileId: z.string().min(1) });

/** A createInvoiceLink link, read the way a client opens it (payments.getPaymentForm by slug). */
export const invoiceLinkQuery = z.object({ link: z.string().min(1) });

/** What a client shows in a chat with the bot: its menu button and "/" command list for that user. */
export const botProfileQuery = z.object({
  token,
  chatId: z.coerce.number().int(),
  /** The user's language; commands set for it win over the language-less ones, as on Telegram. */
  languageCode: z.string().optional(),
  /** In a group, the user whose `chat_member` commands apply. */
  userId: z.coerce.number().int().positive().optional(),
});

export type RegisterBotInput = z.input<typeof registerBotBody>;
export type UpsertUserInput = z.input<typeof upsertUserBody>;
export type CreateGroupInput = z.input<typeof createGroupBody>;
export type SendTextInput = z.input<typeof sendTextBody>;
export type SendContactInput = z.input<typeof sendContactBody>;
export type PressButtonInput = z.input<typeof pressButtonBody>;
export type SetBlockedInput = z.input<typeof setBlockedBody>;
export type PayInvoiceInput = z.input<typeof payInvoiceBody>;
