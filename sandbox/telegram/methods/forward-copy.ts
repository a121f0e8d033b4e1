import type { MessageOrigin } from 'grammy/types';
import { z } from 'zod';
import { badRequest } from '#sandbox/telegram/bot-api/api-error.ts';
import { assertCanSend, resolveChat, resolveReplyTarget } from '#sandbox/telegram/bot-api/chat-access.ts';
import { defineMethod, type MethodTable } from '#sandbox/telegram/bot-api/define-method.ts';
import { postBotMessage } from '#sandbox/telegram/bot-api/outgoing.ts';
import { bool, chatId, entities, int, sendOptions, str } from '#sandbox/telegram/bot-api/params.ts';
import { replyMarkupSchema } from '#sandbox/telegram/bot-api/reply-markup-schema.ts';
import { formatCaption } from '#sandbox/telegram/formatting/format-text.ts';
import type { MessageContent, StoredMessage } from '#sandbox/telegram/state/conversation.ts';

const CONTENT_KEYS = [
  'text',
  'entities',
  'caption',
  'caption_entities',
  'photo',
  'document',
  'audio',
  'video',
  'voice',
  'contact',
] as const satisfies ReadonlyArray<keyof MessageContent>;

/** The content of a message, without who sent it, where, or its keyboard. */
function contentOf(stored: StoredMessage): MessageContent {
  const content: MessageContent = {};
  for (const key of CONTENT_KEYS) {
    const value = stored.message[key];
    if (value !== undefined) Object.assign(content, { [key]: value });
  }
  return content;
}

/**
 * Bot API 7.0+: forwarded messages carry `forward_origin` describing the
 * original sender and date (the legacy forward_from / forward_date fields
 * are no longer sent).
 */
function originOf(stored: StoredMessage): MessageOrigin {
  return {
    type: 'user',
    sender_user: stored.message.from,
    date: stored.message.forward_origin?.date ?? stored.message.date,
  };
}

const sourceParams = {
  from_chat_id: chatId(),
  message_id: int(),
};

export const forwardCopyMethods: MethodTable = {
  forwardMessage: defineMethod(
    z.object({
      chat_id: chatId(),
      ...sourceParams,
      message_thread_id: int().optional(),
      disable_notification: bool().optional(),
      protect_content: bool().optional(),
    }),
    (params, ctx) => {
      const source = resolveChat(ctx, params.from_chat_id);
      const original = source.find(params.message_id);
      if (!original) throw badRequest('message to forward not found');
      const target = resolveChat(ctx, params.chat_id);
      assertCanSend(ctx, target);
      return postBotMessage(ctx, target, {
        content: contentOf(original),
        // A forward keeps the very first origin when forwarding a forward.
        forwardOrigin: original.message.forward_origin ?? originOf(original),
        ...(original.media ? { media: original.media } : {}),
      });
    },
  ),

  /** Like forwarding but without a link to the original; returns only the new MessageId. */
  copyMessage: defineMethod(
    z.object({
      ...sendOptions,
      ...sourceParams,
      caption: str().optional(),
      parse_mode: z.string().optional(),
      caption_entities: entities().optional(),
      reply_markup: replyMarkupSchema.optional(),
    }),
    (params, ctx) => {
      const source = resolveChat(ctx, params.from_chat_id);
      const original = source.find(params.message_id);
      if (!original) throw badRequest('message to copy not found');
      const target = resolveChat(ctx, params.chat_id);
      assertCanSend(ctx, target);
      const content = contentOf(original);
      if (params.caption !== undefined && content.text === undefined) {
        const caption = formatCaption({
          text: params.caption,
          parseMode: params.parse_mode,
          entities: params.caption_entities,
          resolveUser: (id) => ctx.state.users.get(id),
        });
        delete content.caption;
        delete content.caption_entities;
        if (caption) content.caption = caption.text;
        if (caption && caption.entities.length > 0) content.caption_entities = caption.entities;
      }
      const replyTo = resolveReplyTarget(target, params);
      const message = postBotMessage(ctx, target, {
        content,
        replyTo,
        // Telegram copies the original inline keyboard unless a new reply_markup is given.
        replyMarkup: params.reply_markup ?? original.message.reply_markup,
        ...(original.media ? { media: original.media } : {}),
      });
      return { message_id: message.message_id };
    },
  ),
};
