import { z } from 'zod';
import type { TelegramServerEvent } from '../../telegram/types.ts';

/**
 * The JSON API between the emulator page and its host (`/api/…`). The host validates every request with
 * these schemas and the page builds its requests from the same types, so the two cannot drift apart.
 * Bots are named by username: their tokens never leave the host.
 */

export const ZBotKindSchema = z.enum(['user', 'admin']);
export type TBotKind = z.infer<typeof ZBotKindSchema>;

export const ZLanguageSchema = z.enum(['ru', 'en']);

/** A bot as the page knows it: everything but the token. */
export type TPublicBot = { id: number; username: string; title: string; kind: TBotKind };

export type TEmulatorConfig = {
  bots: TPublicBot[];
  /** The support group, read through the user bot (a member of it). */
  supportChat?: { id: number; title: string; bot: string };
  links: { mailInbox?: string; yookassa?: string; cryptopay?: string };
  /** What the Mini App opens at when a bot names no URL of its own. */
  miniAppUrl: string;
};

const bot = z.string().min(1);
const userId = z.number().int().positive();
/** A private chat's id is the user's id; groups are negative. */
const chatId = z.number().int();
const messageId = z.number().int().positive();
const queryInt = z.coerce.number().int();

/** Telegram usernames: 5-32 characters, letters, digits and underscores. */
const username = z.string().regex(/^[A-Za-z][A-Za-z0-9_]{4,31}$/, {
  message: 'a username has 5-32 letters, digits or underscores and starts with a letter',
});

export const ZCreateUserBodySchema = z.object({
  /** Omitted: the host picks the next free id. */
  id: userId.optional(),
  firstName: z.string().trim().min(1).max(64),
  lastName: z.string().trim().max(64).optional(),
  username: username.optional(),
  language: ZLanguageSchema,
});

export const ZChatQuerySchema = z.object({ bot, chatId: queryInt });

export const ZBotProfileQuerySchema = z.object({ bot, chatId: queryInt, userId: queryInt.optional() });

const target = { bot, userId, chatId, replyToMessageId: messageId.optional() };

export const ZSendTextBodySchema = z.object({ ...target, text: z.string().min(1).max(4096) });

export const ZSendContactBodySchema = z.object({ ...target, phoneNumber: z.string().min(3).max(32) });

export const ZMediaKindSchema = z.enum(['photo', 'video', 'audio', 'voice', 'document']);
export type TMediaKind = z.infer<typeof ZMediaKindSchema>;

/** The file itself is the request body; its type is the Content-Type header. */
export const ZSendMediaQuerySchema = z.object({
  bot,
  userId: queryInt.pipe(userId),
  chatId: queryInt,
  kind: ZMediaKindSchema,
  fileName: z.string().min(1).max(255),
  caption: z.string().max(1024).optional(),
  replyToMessageId: queryInt.pipe(messageId).optional(),
  duration: queryInt.pipe(z.number().int().min(0)).optional(),
});

export const ZPressButtonBodySchema = z.object({ bot, userId, chatId, messageId, data: z.string() });

export const ZPayBodySchema = z
  .object({
    bot,
    userId,
    messageId: messageId.optional(),
    /** `https://t.me/$slug`, as the Mini App's openInvoice names it. */
    invoiceLink: z.string().min(1).optional(),
    /** `decline_card`: the bot approves the pre-checkout query, then the card is declined. */
    outcome: z.enum(['pay', 'decline_card']).default('pay'),
  })
  .refine((body) => (body.messageId === undefined) !== (body.invoiceLink === undefined), {
    message: 'give exactly one of messageId and invoiceLink',
  });

export const ZInvoiceLinkQuerySchema = z.object({ link: z.string().min(1) });

export const ZThemeNameSchema = z.enum(['light', 'dark']);

export const ZLaunchBodySchema = z.object({
  bot,
  userId,
  /** The button's or menu button's URL; the host's Mini App URL when omitted. */
  url: z.url({ protocol: /^https?$/ }).optional(),
  theme: ZThemeNameSchema,
});

export type TLaunch = { url: string };

export const ZFileQuerySchema = z.object({
  bot,
  fileId: z.string().min(1),
  /** The message's `mime_type`: the Bot API's file store answers bytes only. */
  type: z
    .string()
    .regex(/^[\w.+-]+\/[\w.+-]+$/)
    .optional(),
  /** Set: answered as an attachment with this name (a download), else shown inline. */
  download: z.string().min(1).max(255).optional(),
});

/** A local Bot API event with the bot named by username instead of its token. */
export type TEmulatorEvent = TelegramServerEvent extends infer E
  ? E extends { token: string | null }
    ? Omit<E, 'token'> & { bot: string | null }
    : never
  : never;

export type TCreateUserBody = z.input<typeof ZCreateUserBodySchema>;
export type TSendTextBody = z.input<typeof ZSendTextBodySchema>;
export type TSendContactBody = z.input<typeof ZSendContactBodySchema>;
export type TSendMediaQuery = z.input<typeof ZSendMediaQuerySchema>;
export type TPressButtonBody = z.input<typeof ZPressButtonBodySchema>;
export type TPayBody = z.input<typeof ZPayBodySchema>;
export type TLaunchBody = z.input<typeof ZLaunchBodySchema>;
