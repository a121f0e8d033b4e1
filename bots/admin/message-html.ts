import type { MessageEntity } from 'grammy/types';
import { escapeHtml } from '#bots/shared/format.ts';

const attr = (value: string) => escapeHtml(value).replace(/"/g, '&quot;');

/** The HTML tags of the formatting an admin can type; auto-detected entities (links, mentions) need none. */
function tagsOf(entity: MessageEntity): [string, string] | null {
  switch (entity.type) {
    case 'bold':
      return ['<b>', '</b>'];
    case 'italic':
      return ['<i>', '</i>'];
    case 'underline':
      return ['<u>', '</u>'];
    case 'strikethrough':
      return ['<s>', '</s>'];
    case 'spoiler':
      return ['<tg-spoiler>', '</tg-spoiler>'];
    case 'code':
      return ['<code>', '</code>'];
    case 'pre':
      return entity.language
        ? [`<pre><code class="language-${attr(entity.language)}">`, '</code></pre>']
        : ['<pre>', '</pre>'];
    case 'text_link':
      return [`<a href="${attr(entity.url)}">`, '</a>'];
    case 'blockquote':
      return ['<blockquote>', '</blockquote>'];
    case 'expandable_blockquote':
      return ['<blockquote expandable>', '</blockquote>'];
    case 'custom_emoji':
      return [`<tg-emoji emoji-id="${attr(entity.custom_emoji_id)}">`, '</tg-emoji>'];
    default:
      return null;
  }
}

/**
 * A message as Telegram HTML, so a broadcast keeps the admin's formatting when the user bot sends it.
 * Offsets are UTF-16 code units, as JavaScript strings index; Telegram guarantees that entities nest and never
 * partly overlap, so one stack of open tags suffices.
 */
export function messageHtml(text: string, entities: readonly MessageEntity[] = []): string {
  const sorted = entities
    .map((entity) => ({ entity, tags: tagsOf(entity) }))
    .filter((e): e is { entity: MessageEntity; tags: [string, string] } => e.tags !== null)
    .sort((a, b) => a.entity.offset - b.entity.offset || b.entity.length - a.entity.length);
  const open: { end: number; close: string }[] = [];
  let out = '';
  let pos = 0;
  const closeUntil = (limit: number) => {
    for (let top = open.at(-1); top && top.end <= limit; top = open.at(-1)) {
      out += escapeHtml(text.slice(pos, top.end)) + top.close;
      pos = top.end;
      open.pop();
    }
  };
  for (const { entity, tags } of sorted) {
    closeUntil(entity.offset);
    out += escapeHtml(text.slice(pos, entity.offset)) + tags[0];
    pos = entity.offset;
    open.push({ end: entity.offset + entity.length, close: tags[1] });
  }
  closeUntil(Number.POSITIVE_INFINITY);
  return out + escapeHtml(text.slice(pos));
}
