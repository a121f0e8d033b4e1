import type { User } from 'grammy/types';
import type { BotRecord } from '#sandbox/telegram/state/bot-record.ts';
import type { Conversation } from '#sandbox/telegram/state/conversation.ts';
import type { TelegramState } from '#sandbox/telegram/state/telegram-state.ts';
import { ControlError } from './control-error.ts';

/** Control calls name bots by token; well-formed unknown tokens register like on the Bot API. */
export function requireBot(state: TelegramState, token: string): BotRecord {
  const bot = state.bots.resolve(token);
  if (!bot)
    throw new ControlError(`malformed bot token, or another token already uses this bot id: ${token}`);
  return bot;
}

export function requireUser(state: TelegramState, userId: number): User {
  const user = state.users.get(userId);
  if (!user) throw new ControlError(`unknown user ${userId}; call upsertUser first`, 404);
  return user;
}

/**
 * The chat a control call refers to from the bot's side: the private chat
 * with user `chatId`, or a group the bot belongs to.
 */
export function botChat(state: TelegramState, bot: BotRecord, chatId: number): Conversation {
  if (chatId > 0) return state.chats.privateChat(bot.id, requireUser(state, chatId));
  const group = state.chats.group(chatId);
  if (!group) throw new ControlError(`unknown group ${chatId}; call createGroup first`, 404);
  if (!group.memberBotIds.has(bot.id))
    throw new ControlError(`bot ${bot.username} is not a member of group ${chatId}`);
  return group;
}

/** The chat a user acts in: their private chat with the bot by default, or a group they both belong to. */
export function userChat(
  state: TelegramState,
  bot: BotRecord,
  user: User,
  chatId: number | undefined,
): Conversation {
  if (chatId === undefined || chatId === user.id) {
    if (bot.blockedBy.has(user.id)) {
      throw new ControlError(`user ${user.id} has blocked ${bot.username}; unblock with setBlocked first`);
    }
    return state.chats.privateChat(bot.id, user);
  }
  if (chatId > 0) throw new ControlError("chatId must be the user's own id (private chat) or a group id");
  const group = botChat(state, bot, chatId);
  if (!group.memberUserIds.has(user.id))
    throw new ControlError(`user ${user.id} is not a member of group ${chatId}`);
  return group;
}
