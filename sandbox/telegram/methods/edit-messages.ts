import type { InlineKeyboardMarkup } from 'grammy/types';
import { z } from 'zod';
import { badRequest } from '#sandbox/telegram/bot-api/api-error.ts';
import { findMessage, resolveChat } from '#sandbox/telegram/bot-api/chat-access.ts';
import {
  defineMethod,
  type MethodContext,
  type MethodTable,
} from '#sandbox/telegram/bot-api/define-method.ts';
import { chatId, entities, int, linkPreviewOptionsSchema, str } from '#sandbox/telegram/bot-api/params.ts';
import { inlineMarkupSchema } from '#sandbox/telegram/bot-api/reply-markup-schema.ts';
import { formatCaption, formatMessageText } from '#sandbox/telegram/formatting/format-text.ts';
import type { Conversation, MessageContent, StoredMessage } from '#sandbox/telegram/state/conversation.ts';
import type { TgMessage } from '#sandbox/telegram/types.ts';

const NOT_MODIFIED =
  'message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message';

const targetParams = {
  chat_id: chatId().optional(),
  message_id: int().optional(),
  inline_message_id: str().optional(),
  reply_markup: inlineMarkupSchema.optional(),
};

interface EditTarget {
  conversation: Conversation;
  stored: StoredMessage;
}

/**
 * The message an edit method refers to. Bots can only edit their own
 * messages.
 *
 * Simplification: inline mode is not modelled, so inline_message_id never
 * matches a message.
 */
function findEditable(
  ctx: MethodContext,
  params: { chat_id?: number | string; message_id?: number; inline_message_id?: string },
): EditTarget {
  if (params.inline_message_id !== undefined) throw badRequest('MESSAGE_ID_INVALID');
  if (params.chat_id === undefined) throw badRequest('chat_id is empty');
  if (params.message_id === undefined) throw badRequest('message identifier is not specified');
  const conversation = resolveChat(ctx, params.chat_id);
  const stored = findMessage(conversation, params.message_id, 'message to edit not found');
  if (stored.senderBotId !== ctx.bot.id) throw badRequest("message can't be edited");
  return { conversation, stored };
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

/**
 * Applies an edit, refusing a no-op like Telegram does. Omitting reply_markup
 * in an edit removes the message's inline keyboard, so "the same markup"
 * means the same keyboard or none on both sides.
 */
function applyEdit(
  ctx: MethodContext,
  target: EditTarget,
  content: MessageContent | undefined,
  markup: InlineKeyboardMarkup | undefined,
): TgMessage {
  const { message } = target.stored;
  const contentSame =
    content === undefined ||
    Object.entries(content).every(([key, value]) => sameJson(message[key as keyof MessageContent], value));
  if (contentSame && sameJson(message.reply_markup, markup)) throw badRequest(NOT_MODIFIED);
  ctx.state.edit(target.conversation, target.stored, content, markup);
  return target.stored.message;
}

export const editMessageMethods: MethodTable = {
  editMessageText: defineMethod(
    z.object({
      ...targetParams,
      text: str().optional(),
      parse_mode: z.string().optional(),
      entities: entities().optional(),
      link_preview_options: linkPreviewOptionsSchema.optional(),
    }),
    (params, ctx) => {
      const target = findEditable(ctx, params);
      if (target.stored.message.text === undefined)
        throw badRequest('there is no text in the message to edit');
      const formatted = formatMessageText({
        text: params.text ?? '',
        parseMode: params.parse_mode,
        entities: params.entities,
        resolveUser: (id) => ctx.state.users.get(id),
      });
      // `entities: undefined` clears entities of the old text when the new text has none.
      return applyEdit(
        ctx,
        target,
        { text: formatted.text, entities: formatted.entities.length > 0 ? formatted.entities : undefined },
        params.reply_markup,
      );
    },
  ),

  editMessageCaption: defineMethod(
    z.object({
      ...targetParams,
      caption: str().optional(),
      parse_mode: z.string().optional(),
      caption_entities: entities().optional(),
    }),
    (params, ctx) => {
      const target = findEditable(ctx, params);
      if (target.stored.media === undefined) throw badRequest('there is no caption in the message to edit');
      const caption = formatCaption({
        text: params.caption ?? '',
        parseMode: params.parse_mode,
        entities: params.caption_entities,
        resolveUser: (id) => ctx.state.users.get(id),
      });
      return applyEdit(
        ctx,
        target,
        {
          caption: caption?.text,
          caption_entities: caption && caption.entities.length > 0 ? caption.entities : undefined,
        },
        params.reply_markup,
      );
    },
  ),

  editMessageReplyMarkup: defineMethod(z.object(targetParams), (params, ctx) =>
    applyEdit(ctx, findEditable(ctx, params), undefined, params.reply_markup),
  ),

  /**
   * Bots may delete their own messages anywhere and incoming messages in
   * private chats. Simplification: admin rights are not modelled, so a bot
   * cannot delete other members' messages in groups.
   */
  deleteMessage: defineMethod(z.object({ chat_id: chatId(), message_id: int() }), (params, ctx) => {
    const conversation = resolveChat(ctx, params.chat_id);
    const stored = findMessage(conversation, params.message_id, 'message to delete not found');
    if (conversation.isGroup && stored.senderBotId !== ctx.bot.id)
      throw badRequest("message can't be deleted");
    ctx.state.remove(conversation, stored);
    return true;
  }),
};
