import type { MessageOrigin } from 'grammy/types';
import type { Conversation, MessageContent, StoredMessage } from '#sandbox/telegram/state/conversation.ts';
import type { MediaInfo, ReplyMarkup, TgMessage } from '#sandbox/telegram/types.ts';
import { takeSendQuota } from './chat-access.ts';
import type { MethodContext } from './define-method.ts';

export interface OutgoingMessage {
  content: MessageContent;
  replyTo?: StoredMessage;
  replyMarkup?: ReplyMarkup;
  media?: MediaInfo;
  forwardOrigin?: MessageOrigin;
}

/**
 * Final step of every send method: spend the flood-control quota (only now,
 * so requests rejected for bad parameters do not count), store the message
 * as sent by the bot, and return it as the Bot API does.
 */
export function postBotMessage(
  ctx: MethodContext,
  conversation: Conversation,
  outgoing: OutgoingMessage,
): TgMessage {
  takeSendQuota(ctx, conversation);
  const stored = ctx.state.post(conversation, {
    from: ctx.bot.user,
    senderBotId: ctx.bot.id,
    ...outgoing,
  });
  return stored.message;
}
