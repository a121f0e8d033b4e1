import type { MessageEntity } from 'grammy/types';

/**
 * Telegram returns entities sorted by offset, longer (outer) entities first,
 * and for identical ranges in a fixed type order (quote, pre/code, links,
 * then the text styles) — the order tdlib's MessageEntity comparison yields.
 */
const TYPE_PRIORITY: Record<string, number> = {
  blockquote: 0,
  expandable_blockquote: 0,
  pre: 10,
  code: 20,
  url: 30,
  text_link: 30,
  text_mention: 30,
  mention: 30,
  hashtag: 30,
  cashtag: 30,
  bot_command: 30,
  email: 30,
  phone_number: 30,
  bold: 90,
  italic: 91,
  underline: 92,
  strikethrough: 93,
  spoiler: 94,
  custom_emoji: 99,
};

export function compareEntities(a: MessageEntity, b: MessageEntity): number {
  if (a.offset !== b.offset) return a.offset - b.offset;
  if (a.length !== b.length) return b.length - a.length;
  return (TYPE_PRIORITY[a.type] ?? 50) - (TYPE_PRIORITY[b.type] ?? 50);
}

export function sortEntities(entities: MessageEntity[]): MessageEntity[] {
  return entities.sort(compareEntities);
}
