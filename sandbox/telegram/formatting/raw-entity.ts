/**
 * Intermediate entity produced by the markup parsers, before it becomes a Bot
 * API `MessageEntity`. Offsets and lengths are in UTF-16 code units, exactly
 * as the Bot API counts them (and as JavaScript strings index).
 */
export type RawEntityType =
  | 'bold'
  | 'italic'
  | 'underline'
  | 'strikethrough'
  | 'spoiler'
  | 'code'
  | 'pre'
  | 'text_link'
  | 'text_mention'
  | 'custom_emoji'
  | 'blockquote'
  | 'expandable_blockquote';

export interface RawEntity {
  type: RawEntityType;
  offset: number;
  length: number;
  /** text_link */
  url?: string;
  /** pre (or a code span that will merge into its surrounding pre) */
  language?: string;
  /** text_mention: the user id from a tg://user?id= link */
  userId?: number;
  /** custom_emoji */
  customEmojiId?: string;
}

/** Raised by a parser; becomes `Bad Request: can't parse entities: <message>`. */
export class EntityParseError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EntityParseError';
  }
}

/** Telegram reports parse errors at UTF-8 byte offsets of the original text. */
export function byteOffset(text: string, index: number): number {
  return Buffer.byteLength(text.slice(0, index), 'utf8');
}
