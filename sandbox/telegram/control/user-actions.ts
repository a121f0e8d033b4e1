import { createHash } from 'node:crypto';
import type { ChatMemberUpdated, User } from 'grammy/types';
import { ApiError } from '#sandbox/telegram/bot-api/api-error.ts';
import { storeUpload } from '#sandbox/telegram/bot-api/input-file.ts';
import { mediaContent, mediaInfo } from '#sandbox/telegram/bot-api/media-content.ts';
import { formatText } from '#sandbox/telegram/formatting/format-text.ts';
import type { BotRecord } from '#sandbox/telegram/state/bot-record.ts';
import { toChatMessage } from '#sandbox/telegram/state/chat-message-view.ts';
import { privateChatOf } from '#sandbox/telegram/state/chat-store.ts';
import { type Conversation, type MessageContent, unixTime } from '#sandbox/telegram/state/conversation.ts';
import type { TelegramState } from '#sandbox/telegram/state/telegram-state.ts';
import type { ChatMessage, MediaInfo, MediaKind, ServerChat } from '#sandbox/telegram/types.ts';
import { requireBot, requireUser, userChat } from './chat-lookup.ts';
import { ControlError } from './control-error.ts';

interface UserMessageInput {
  token: string;
  userId: number;
  chatId?: number;
  replyToMessageId?: number;
}

/**
 * Stores a user's message and delivers it: to the bot in a private chat, to
 * every member bot in a group (privacy mode is not simulated, so group bots
 * see all messages, replies to their own messages included).
 */
function postUserMessage(
  state: TelegramState,
  input: UserMessageInput,
  content: MessageContent,
  media?: MediaInfo,
): ChatMessage {
  const bot = requireBot(state, input.token);
  const user = requireUser(state, input.userId);
  const conversation = userChat(state, bot, user, input.chatId);
  const replyTo =
    input.replyToMessageId === undefined ? undefined : conversation.find(input.replyToMessageId);
  if (input.replyToMessageId !== undefined && !replyTo) {
    throw new ControlError(
      `message ${input.replyToMessageId} not found in chat ${conversation.chat.id}`,
      404,
    );
  }
  const stored = state.post(conversation, { from: user, content, replyTo, media });
  for (const botId of conversation.memberBotIds) {
    const recipient = state.bots.get(botId);
    if (recipient) state.deliver(recipient, { message: stored.message });
  }
  return toChatMessage(stored);
}

/** A user's text; Telegram marks /commands, @mentions, #hashtags and URLs as entities. */
export function sendUserText(state: TelegramState, input: UserMessageInput & { text: string }): ChatMessage {
  const formatted = formatText({ text: input.text, resolveUser: (id) => state.users.get(id) });
  if (formatted.text === '') throw new ControlError('message text is empty');
  return postUserMessage(state, input, {
    text: formatted.text,
    ...(formatted.entities.length > 0 ? { entities: formatted.entities } : {}),
  });
}

export function sendUserContact(
  state: TelegramState,
  input: UserMessageInput & {
    phoneNumber: string;
    firstName?: string;
    lastName?: string;
    contactUserId?: number | null;
  },
): ChatMessage {
  const user = requireUser(state, input.userId);
  const contactUserId = input.contactUserId === undefined ? user.id : input.contactUserId;
  return postUserMessage(state, input, {
    contact: {
      phone_number: input.phoneNumber,
      first_name: input.firstName ?? user.first_name,
      ...(input.lastName !== undefined ? { last_name: input.lastName } : {}),
      ...(contactUserId !== null ? { user_id: contactUserId } : {}),
    },
  });
}

export function sendUserFile(
  state: TelegramState,
  kind: MediaKind,
  input: UserMessageInput & {
    data: string;
    fileName: string;
    mimeType?: string;
    caption?: string;
    duration?: number;
  },
): ChatMessage {
  let stored: ReturnType<typeof storeUpload>;
  try {
    stored = storeUpload(state.files, kind, {
      bytes: Buffer.from(input.data, 'base64'),
      fileName: input.fileName,
    });
  } catch (error) {
    if (error instanceof ApiError) throw new ControlError(error.description);
    throw error;
  }
  // A photo's type comes from its decoded bytes; other files keep the type the client declared.
  if (input.mimeType && kind !== 'photo') stored.mimeType = input.mimeType;
  const attributes = kind === 'photo' || kind === 'document' ? {} : { duration: input.duration };
  const caption = input.caption
    ? formatText({ text: input.caption, resolveUser: (id) => state.users.get(id) })
    : undefined;
  return postUserMessage(
    state,
    input,
    {
      ...mediaContent(stored, attributes),
      ...(caption?.text ? { caption: caption.text } : {}),
      ...(caption && caption.entities.length > 0 ? { caption_entities: caption.entities } : {}),
    },
    mediaInfo(stored, attributes),
  );
}

/** "Global identifier, uniquely corresponding to the chat to which the message with the callback button was sent." */
function chatInstance(botId: number, chatId: number): string {
  const digest = createHash('sha256').update(`${botId}:${chatId}`).digest();
  return BigInt.asIntN(64, digest.readBigUInt64BE(0)).toString();
}

/** A user presses an inline callback button: the bot that sent the message gets a callback_query. */
export function pressButton(
  state: TelegramState,
  input: {
    token: string;
    userId: number;
    chatId?: number;
    messageId: number;
    data: string;
    forged?: boolean;
  },
): { callbackQueryId: string } {
  const bot = requireBot(state, input.token);
  const user = requireUser(state, input.userId);
  const conversation = userChat(state, bot, user, input.chatId);
  const stored = conversation.find(input.messageId);
  if (!stored)
    throw new ControlError(`message ${input.messageId} not found in chat ${conversation.chat.id}`, 404);
  if (stored.senderBotId !== bot.id)
    throw new ControlError(`message ${input.messageId} was not sent by ${bot.username}`);
  const buttons = stored.message.reply_markup?.inline_keyboard.flat() ?? [];
  const exists = buttons.some((button) => 'callback_data' in button && button.callback_data === input.data);
  if (!exists && !input.forged) {
    throw new ControlError(
      `message ${input.messageId} has no inline button with callback_data ${JSON.stringify(input.data)}`,
    );
  }
  const query = state.callbacks.create({
    botId: bot.id,
    userId: user.id,
    chatId: conversation.chat.id,
    messageId: input.messageId,
    data: input.data,
  });
  state.deliver(bot, {
    callback_query: {
      id: query.id,
      from: user,
      message: stored.message,
      chat_instance: chatInstance(bot.id, conversation.chat.id),
      data: input.data,
    },
  });
  return { callbackQueryId: query.id };
}

function memberUpdate(
  chat: ServerChat,
  from: User,
  bot: BotRecord,
  oldStatus: 'member' | 'left' | 'kicked',
  newStatus: 'member' | 'left' | 'kicked',
): ChatMemberUpdated {
  const member = (status: typeof oldStatus) =>
    status === 'kicked' ? { status, user: bot.user, until_date: 0 } : { status, user: bot.user };
  return {
    chat,
    from,
    date: unixTime(),
    old_chat_member: member(oldStatus),
    new_chat_member: member(newStatus),
  };
}

/**
 * Blocking (or unblocking) the bot: later sends to this user fail with 403,
 * and the bot gets the `my_chat_member` update Telegram sends (member ⇄ kicked).
 */
export function setBlocked(
  state: TelegramState,
  input: { token: string; userId: number; blocked: boolean },
): void {
  const bot = requireBot(state, input.token);
  const user = requireUser(state, input.userId);
  if (bot.blockedBy.has(user.id) === input.blocked) return;
  if (input.blocked) bot.blockedBy.add(user.id);
  else bot.blockedBy.delete(user.id);
  state.deliver(bot, {
    my_chat_member: memberUpdate(
      privateChatOf(user),
      user,
      bot,
      input.blocked ? 'member' : 'kicked',
      input.blocked ? 'kicked' : 'member',
    ),
  });
  state.events.emit({ type: 'bot_blocked', token: bot.token, user_id: user.id, blocked: input.blocked });
}

/** Creates a group; newly added bots get `my_chat_member` (left → member) like on Telegram. */
export function createGroup(
  state: TelegramState,
  input: { id: number; title: string; memberIds: number[]; botTokens: string[] },
): Conversation {
  for (const memberId of input.memberIds) requireUser(state, memberId);
  const bots = input.botTokens.map((token) => requireBot(state, token));
  const existing = state.chats.group(input.id);
  const added = bots.filter((bot) => !existing?.memberBotIds.has(bot.id));
  const group = state.chats.upsertGroup(
    input.id,
    input.title,
    input.memberIds,
    bots.map((bot) => bot.id),
  );
  const adder = input.memberIds[0] === undefined ? undefined : state.users.get(input.memberIds[0]);
  if (adder) {
    for (const bot of added)
      state.deliver(bot, { my_chat_member: memberUpdate(group.chat, adder, bot, 'left', 'member') });
  }
  return group;
}
