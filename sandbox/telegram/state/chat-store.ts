import type { Chat, User } from 'grammy/types';
import type { ServerChat } from '#sandbox/telegram/types.ts';
import { Conversation } from './conversation.ts';

/** A private chat as bots see it: the chat id is the user id and the names are the user's. */
export function privateChatOf(user: User): Chat.PrivateChat {
  return {
    id: user.id,
    type: 'private',
    first_name: user.first_name,
    ...(user.last_name !== undefined ? { last_name: user.last_name } : {}),
    ...(user.username !== undefined ? { username: user.username } : {}),
  };
}

/**
 * Ids of basic groups are small negatives; supergroups use -100… ids. The
 * server reports the type the id implies.
 */
export function groupChatOf(id: number, title: string): Chat.GroupChat | Chat.SupergroupChat {
  return id <= -1_000_000_000_000 ? { id, type: 'supergroup', title } : { id, type: 'group', title };
}

export class ChatStore {
  readonly #byKey = new Map<string, Conversation>();

  /** The private chat between a bot and a user, created on first use. */
  privateChat(botId: number, user: User): Conversation {
    const key = `private:${botId}:${user.id}`;
    let conversation = this.#byKey.get(key);
    if (!conversation) {
      conversation = new Conversation(key, privateChatOf(user), botId);
      conversation.memberUserIds.add(user.id);
      conversation.memberBotIds.add(botId);
      this.#byKey.set(key, conversation);
    }
    return conversation;
  }

  findPrivate(botId: number, userId: number): Conversation | undefined {
    return this.#byKey.get(`private:${botId}:${userId}`);
  }

  group(id: number): Conversation | undefined {
    return this.#byKey.get(`group:${id}`);
  }

  /** Creates a group, or updates the title and adds members of an existing one. */
  upsertGroup(
    id: number,
    title: string,
    userIds: readonly number[],
    botIds: readonly number[],
  ): Conversation {
    const key = `group:${id}`;
    const chat: ServerChat = groupChatOf(id, title);
    let conversation = this.#byKey.get(key);
    if (conversation) conversation.chat = chat;
    else {
      conversation = new Conversation(key, chat);
      this.#byKey.set(key, conversation);
    }
    for (const userId of userIds) conversation.memberUserIds.add(userId);
    for (const botId of botIds) conversation.memberBotIds.add(botId);
    return conversation;
  }

  /** Keeps private chat objects in step with a user's changed names. */
  refreshUser(user: User): void {
    for (const conversation of this.#byKey.values()) {
      if (conversation.chat.type === 'private' && conversation.chat.id === user.id) {
        conversation.chat = privateChatOf(user);
      }
    }
  }

  all(): Conversation[] {
    return [...this.#byKey.values()];
  }
}
