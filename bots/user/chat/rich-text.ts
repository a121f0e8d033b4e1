import { type Api, GrammyError } from 'grammy';
import type { InlineKeyboardMarkup } from 'grammy/types';
import { htmlToPlainText } from './split-html.ts';

/** The part of the Bot API a streamed reply uses: one chat's messages, sent and edited. */
export type TChatApi = Pick<Api, 'sendMessage' | 'editMessageText' | 'sendChatAction'>;

export const isParseError = (error: unknown) =>
  error instanceof GrammyError && error.error_code === 400 && /can't parse entities/i.test(error.description);

/** Telegram refuses an edit that changes nothing; for a renderer that only means "already showing". */
export const isNotModified = (error: unknown) =>
  error instanceof GrammyError &&
  error.error_code === 400 &&
  /message is not modified/i.test(error.description);

interface TRichOptions {
  replyMarkup?: InlineKeyboardMarkup;
  /** Send as plain text from the start (an earlier attempt of this message was refused). */
  plain?: boolean;
}

// Model replies are full of links; a preview card under each would push the text out of view.
const NO_PREVIEW = { is_disabled: true } as const;

/**
 * Sends HTML; if Telegram still refuses the markup (400 "can't parse entities"), the same text goes out
 * plain rather than not at all. Returns whether it ended up plain, so later edits skip the failing markup.
 */
export async function sendRich(
  api: TChatApi,
  chatId: number,
  html: string,
  opts: TRichOptions = {},
): Promise<{ messageId: number; plain: boolean }> {
  const common = { reply_markup: opts.replyMarkup, link_preview_options: NO_PREVIEW };
  if (!opts.plain) {
    try {
      const sent = await api.sendMessage(chatId, html, { ...common, parse_mode: 'HTML' });
      return { messageId: sent.message_id, plain: false };
    } catch (error) {
      if (!isParseError(error)) throw error;
    }
  }
  const sent = await api.sendMessage(chatId, htmlToPlainText(html), common);
  return { messageId: sent.message_id, plain: true };
}

/** Edits a message to new HTML with the same plain-text fallback; an edit that changes nothing succeeds. */
export async function editRich(
  api: TChatApi,
  chatId: number,
  messageId: number,
  html: string,
  opts: TRichOptions = {},
): Promise<{ plain: boolean }> {
  const common = { reply_markup: opts.replyMarkup, link_preview_options: NO_PREVIEW };
  try {
    if (!opts.plain) {
      try {
        await api.editMessageText(chatId, messageId, html, { ...common, parse_mode: 'HTML' });
        return { plain: false };
      } catch (error) {
        if (!isParseError(error)) throw error;
      }
    }
    await api.editMessageText(chatId, messageId, htmlToPlainText(html), common);
    return { plain: true };
  } catch (error) {
    if (isNotModified(error)) return { plain: opts.plain ?? false };
    throw error;
  }
}
