import type { Conversation, StoredMessage } from '#sandbox/telegram/state/conversation.ts';
import { badRequest, CHAT_NOT_FOUND, forbidden } from './api-error.ts';
import type { MethodContext } from './define-method.ts';

/**
 * The conversation a bot means by `chat_id`, from the bot's point of view:
 * a positive id is the private chat with that user (chat id = user id, as on
 * Telegram), a negative id a group the bot belongs to.
 *
 * Simplifications: a bot may message any user the server knows, even one who
 * never started it (Telegram answers 403 "bot can't initiate conversation
 * with a user"), and `@username` chat ids (public channels/supergroups) are
 * not modelled, so they are "chat not found".
 */
export function resolveChat(ctx: MethodContext, chatId: number | string): Conversation {
  if (typeof chatId === 'string') throw badRequest(CHAT_NOT_FOUND);
  if (chatId > 0) {
    const user = ctx.state.users.get(chatId);
    if (!user) throw badRequest(CHAT_NOT_FOUND);
    return ctx.state.chats.privateChat(ctx.bot.id, user);
  }
  const group = ctx.state.chats.group(chatId);
  if (!group) throw badRequest(CHAT_NOT_FOUND);
  if (!group.memberBotIds.has(ctx.bot.id)) {
    throw forbidden(
      `bot is not a member of the ${group.chat.type === 'supergroup' ? 'supergroup' : 'group'} chat`,
    );
  }
  return group;
}

/** Sending into a private chat fails with 403 once the user blocked the bot. */
export function assertCanSend(ctx: MethodContext, conversation: Conversation): void {
  if (conversation.chat.type === 'private' && ctx.bot.blockedBy.has(conversation.chat.id)) {
    throw forbidden('bot was blocked by the user');
  }
}

export interface ReplyOptions {
  reply_parameters?: { message_id: number; chat_id?: number | string; allow_sending_without_reply?: boolean };
  reply_to_message_id?: number;
  allow_sending_without_reply?: boolean;
}

/**
 * The message a send replies to, from `reply_parameters` or the legacy
 * `reply_to_message_id`. A missing target fails unless
 * allow_sending_without_reply is set.
 *
 * Simplification: replies into another chat (reply_parameters.chat_id of a
 * different chat, i.e. external_reply) are treated as a missing target.
 */
export function resolveReplyTarget(
  conversation: Conversation,
  options: ReplyOptions,
): StoredMessage | undefined {
  const messageId = options.reply_parameters?.message_id ?? options.reply_to_message_id;
  if (messageId === undefined) return undefined;
  const allowWithout =
    options.reply_parameters?.allow_sending_without_reply ?? options.allow_sending_without_reply ?? false;
  const replyChat = options.reply_parameters?.chat_id;
  const target =
    replyChat === undefined || replyChat === conversation.chat.id ? conversation.find(messageId) : undefined;
  if (!target && !allowWithout) throw badRequest('message to be replied not found');
  return target;
}

/** Counts a message against the flood limits (429 when exceeded). */
export function takeSendQuota(ctx: MethodContext, conversation: Conversation): void {
  ctx.state.limiter?.take(ctx.bot.id, conversation.chat.id, conversation.isGroup);
}

/** A message the bot refers to by chat_id + message_id, for edits and deletion. */
export function findMessage(conversation: Conversation, messageId: number, notFound: string): StoredMessage {
  const stored = conversation.find(messageId);
  if (!stored) throw badRequest(notFound);
  return stored;
}
