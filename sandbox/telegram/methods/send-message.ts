import { z } from 'zod';
import { assertCanSend, resolveChat, resolveReplyTarget } from '#sandbox/telegram/bot-api/chat-access.ts';
import { defineMethod, type MethodTable } from '#sandbox/telegram/bot-api/define-method.ts';
import { postBotMessage } from '#sandbox/telegram/bot-api/outgoing.ts';
import {
  bool,
  entities,
  linkPreviewOptionsSchema,
  sendOptions,
  str,
} from '#sandbox/telegram/bot-api/params.ts';
import { replyMarkupSchema } from '#sandbox/telegram/bot-api/reply-markup-schema.ts';
import { formatMessageText } from '#sandbox/telegram/formatting/format-text.ts';

const sendMessageParams = z.object({
  ...sendOptions,
  // Missing text is reported by formatMessageText as Telegram's "message text is empty".
  text: str().optional(),
  parse_mode: z.string().optional(),
  entities: entities().optional(),
  link_preview_options: linkPreviewOptionsSchema.optional(),
  // Pre-7.0 spelling of link_preview_options.is_disabled.
  disable_web_page_preview: bool().optional(),
  reply_markup: replyMarkupSchema.optional(),
});

export const sendMessageMethods: MethodTable = {
  sendMessage: defineMethod(sendMessageParams, (params, ctx) => {
    const conversation = resolveChat(ctx, params.chat_id);
    assertCanSend(ctx, conversation);
    const formatted = formatMessageText({
      text: params.text ?? '',
      parseMode: params.parse_mode,
      entities: params.entities,
      resolveUser: (id) => ctx.state.users.get(id),
    });
    const replyTo = resolveReplyTarget(conversation, params);
    return postBotMessage(ctx, conversation, {
      content: {
        text: formatted.text,
        ...(formatted.entities.length > 0 ? { entities: formatted.entities } : {}),
        ...(params.link_preview_options ? { link_preview_options: params.link_preview_options } : {}),
      },
      replyTo,
      replyMarkup: params.reply_markup,
    });
  }),
};
