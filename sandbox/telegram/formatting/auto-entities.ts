import type { MessageEntity } from 'grammy/types';

/**
 * Entities Telegram detects by itself in every message text, whoever sent it:
 * bot commands (`/start`, `/help@my_bot`), @mentions, #hashtags and URLs.
 *
 * Simplification: only `http(s)://` and `www.` URLs are detected (not bare
 * domains like `example.com`), and e-mails, phone numbers and $cashtags are
 * not detected.
 */
const PATTERNS: ReadonlyArray<{ type: MessageEntity.CommonMessageEntity['type']; regex: RegExp }> = [
  { type: 'url', regex: /(?<![\p{L}\p{N}_@/])(?:https?:\/\/|www\.)[^\s<>"]+/giu },
  {
    type: 'bot_command',
    regex: /(?<![\p{L}\p{N}_/@])\/[a-zA-Z0-9_]{1,64}(?:@[a-zA-Z0-9_]{3,32})?(?![\p{L}\p{N}_@/])/gu,
  },
  { type: 'mention', regex: /(?<![\p{L}\p{N}_@])@[a-zA-Z0-9_]{5,32}(?![\p{L}\p{N}_@])/gu },
  { type: 'hashtag', regex: /(?<![\p{L}\p{N}_#])#[\p{L}\p{N}_]*[\p{L}_][\p{L}\p{N}_]*/gu },
];

/** Entity types whose text must not be re-detected (Telegram never nests these with detected ones). */
const OPAQUE: ReadonlySet<string> = new Set([
  'code',
  'pre',
  'text_link',
  'text_mention',
  'url',
  'bot_command',
  'mention',
  'hashtag',
  'custom_emoji',
]);

interface Range {
  offset: number;
  length: number;
}

function overlaps(a: Range, b: Range): boolean {
  return a.offset < b.offset + b.length && b.offset < a.offset + a.length;
}

/** Trailing punctuation is not part of a detected URL ("see https://t.me." ends before the dot). */
function trimUrl(url: string): string {
  let end = url.length;
  while (end > 0 && /[.,;:!?'")\]}]/.test(url[end - 1] ?? '')) {
    const body = url.slice(0, end);
    // Keep a closing parenthesis that balances one inside the URL (Wikipedia-style links).
    if (body.endsWith(')') && body.split('(').length >= body.split(')').length) break;
    end--;
  }
  return url.slice(0, end);
}

export function detectEntities(text: string, existing: readonly MessageEntity[]): MessageEntity[] {
  const taken: Range[] = existing.filter((entity) => OPAQUE.has(entity.type));
  const found: MessageEntity[] = [];
  for (const { type, regex } of PATTERNS) {
    for (const match of text.matchAll(regex)) {
      const value = type === 'url' ? trimUrl(match[0]) : match[0];
      const range = { offset: match.index, length: value.length };
      if (range.length === 0 || taken.some((other) => overlaps(other, range))) continue;
      taken.push(range);
      found.push({ type, ...range });
    }
  }
  return found;
}
