import type { MessageEntity, User } from 'grammy/types';
import { badRequest, MESSAGE_TEXT_EMPTY } from '#sandbox/telegram/bot-api/api-error.ts';
import { detectEntities } from './auto-entities.ts';
import { sortEntities } from './entity-order.ts';
import { parseHtml } from './html-parser.ts';
import { checkLink, userIdFromLink } from './links.ts';
import { parseMarkdown } from './markdown-parser.ts';
import { parseMarkdownV2 } from './markdown-v2-parser.ts';
import { EntityParseError, type RawEntity } from './raw-entity.ts';

export interface FormattedText {
  text: string;
  entities: MessageEntity[];
}

export interface FormatInput {
  text: string;
  parseMode?: string;
  /** Explicit entities; Telegram uses them instead of parse_mode when both are given. */
  entities?: MessageEntity[];
  /** Looks up users for tg://user?id= links (text_mention needs the full User). */
  resolveUser: (id: number) => User | undefined;
}

/** Telegram's limits, counted in characters after entity parsing. */
export const MAX_TEXT_LENGTH = 4096;
export const MAX_CAPTION_LENGTH = 1024;

function parseMarkup(text: string, parseMode: string | undefined): { text: string; entities: RawEntity[] } {
  // parse_mode is case-insensitive in the Bot API; an empty one means plain text.
  switch ((parseMode ?? '').toLowerCase()) {
    case '':
      return { text, entities: [] };
    case 'html':
      return parseHtml(text);
    case 'markdownv2':
      return parseMarkdownV2(text);
    case 'markdown':
      return parseMarkdown(text);
    default:
      throw badRequest('unsupported parse_mode');
  }
}

function toMessageEntity(raw: RawEntity, resolveUser: FormatInput['resolveUser']): MessageEntity | undefined {
  const { offset, length } = raw;
  switch (raw.type) {
    case 'text_link': {
      const userId = userIdFromLink(raw.url ?? '');
      if (userId !== undefined) {
        const user = resolveUser(userId);
        return user ? { type: 'text_mention', offset, length, user } : undefined;
      }
      const url = checkLink(raw.url ?? '');
      return url ? { type: 'text_link', offset, length, url } : undefined;
    }
    case 'text_mention': {
      const user = raw.userId === undefined ? undefined : resolveUser(raw.userId);
      return user ? { type: 'text_mention', offset, length, user } : undefined;
    }
    case 'pre':
      return raw.language
        ? { type: 'pre', offset, length, language: raw.language }
        : { type: 'pre', offset, length };
    case 'custom_emoji':
      return { type: 'custom_emoji', offset, length, custom_emoji_id: raw.customEmojiId ?? '' };
    default:
      return { type: raw.type, offset, length };
  }
}

/** A pre block cannot contain other entities; Telegram drops the ones nested inside it. */
function dropNestedInPre(entities: MessageEntity[]): MessageEntity[] {
  const pres = entities.filter((entity) => entity.type === 'pre');
  return entities.filter(
    (entity) =>
      entity.type === 'pre' ||
      entity.type === 'blockquote' ||
      entity.type === 'expandable_blockquote' ||
      !pres.some(
        (pre) => entity.offset >= pre.offset && entity.offset + entity.length <= pre.offset + pre.length,
      ),
  );
}

/**
 * Telegram strips leading and trailing whitespace from message texts and
 * captions, shifting and clipping entities accordingly.
 */
function trim(text: string, entities: MessageEntity[]): FormattedText {
  const start = text.length - text.replace(/^[ \t\r\n\v\f]+/, '').length;
  const end = text.replace(/[ \t\r\n\v\f]+$/, '').length;
  if (start === 0 && end === text.length) return { text, entities };
  const trimmed: MessageEntity[] = [];
  for (const entity of entities) {
    const from = Math.max(entity.offset, start);
    const to = Math.min(entity.offset + entity.length, end);
    if (to > from) trimmed.push({ ...entity, offset: from - start, length: to - from });
  }
  return { text: start < end ? text.slice(start, end) : '', entities: trimmed };
}

/** Explicit entities outside the text are dropped, as Telegram does. */
function clampExplicit(text: string, entities: MessageEntity[]): MessageEntity[] {
  return entities.filter(
    (entity) => entity.offset >= 0 && entity.length > 0 && entity.offset + entity.length <= text.length,
  );
}

/**
 * Turns (text, parse_mode | entities) into Telegram's plain text + entities,
 * including the entities Telegram detects by itself (commands, URLs, …).
 */
export function formatText(input: FormatInput): FormattedText {
  let text: string;
  let entities: MessageEntity[];
  if (input.entities) {
    text = input.text;
    entities = clampExplicit(text, input.entities);
  } else {
    let parsed: { text: string; entities: RawEntity[] };
    try {
      parsed = parseMarkup(input.text, input.parseMode);
    } catch (error) {
      if (error instanceof EntityParseError) throw badRequest(`can't parse entities: ${error.message}`);
      throw error;
    }
    text = parsed.text;
    entities = parsed.entities.flatMap((raw) => toMessageEntity(raw, input.resolveUser) ?? []);
  }
  const result = trim(text, dropNestedInPre(entities));
  result.entities = sortEntities([...result.entities, ...detectEntities(result.text, result.entities)]);
  return result;
}

/** Length in characters (code points), the unit of Telegram's text limits. */
function characterCount(text: string): number {
  let count = 0;
  for (const _ of text) count++;
  return count;
}

/** Message text: must be non-empty after parsing and at most 4096 characters. */
export function formatMessageText(input: FormatInput): FormattedText {
  const result = formatText(input);
  if (result.text === '') throw badRequest(MESSAGE_TEXT_EMPTY);
  if (characterCount(result.text) > MAX_TEXT_LENGTH) throw badRequest('message is too long');
  return result;
}

/** Media caption: may be empty, at most 1024 characters. */
export function formatCaption(input: FormatInput): FormattedText | undefined {
  const result = formatText(input);
  if (result.text === '') return undefined;
  if (characterCount(result.text) > MAX_CAPTION_LENGTH) throw badRequest('message caption is too long');
  return result;
}
