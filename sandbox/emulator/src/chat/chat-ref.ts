import type { TEmulatorEvent } from '../../contract/host-api.ts';

/** A chat in the list: a private chat of the current user with a bot, or a group read through a bot. */
export type TChatRef =
  | { kind: 'private'; bot: string; userId: number }
  | { kind: 'group'; chatId: number; bot: string; title: string };

export const chatIdOf = (ref: TChatRef): number => (ref.kind === 'private' ? ref.userId : ref.chatId);

/** Private chats are one per bot and user; a group is one chat whatever bot reports it. */
export function chatKey(ref: TChatRef): string {
  return ref.kind === 'private' ? `p:${ref.bot.toLowerCase()}:${ref.userId}` : `g:${ref.chatId}`;
}

/** The chat an event of the local Bot API belongs to, if it belongs to one the page can show. */
export function eventChatKey(event: TEmulatorEvent): string | undefined {
  if (!('chat_id' in event)) return undefined;
  if (event.chat_id < 0) return `g:${event.chat_id}`;
  return event.bot === null ? undefined : `p:${event.bot.toLowerCase()}:${event.chat_id}`;
}
