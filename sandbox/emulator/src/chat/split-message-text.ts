/** Telegram's limit for one message's text, in UTF-16 code units as the Bot API counts them. */
export const MESSAGE_TEXT_LIMIT = 4096;

// Where a long text is best cut, best first: between paragraphs, between lines, after a sentence, between
// words. Each counts only in the second half of the part, so no part comes out needlessly short.
const BREAKS: { pattern: RegExp; keep: number }[] = [
  { pattern: /\n[^\S\n]*\n/g, keep: 0 },
  { pattern: /\n/g, keep: 0 },
  { pattern: /[.!?…]\s/g, keep: 1 },
  { pattern: /\s/g, keep: 0 },
];

/** Where to end the first part of `text`: at most `limit` code units, and never inside a surrogate pair. */
function cutAt(text: string, limit: number): number {
  // One character past the limit: a break right there still leaves a full part before it.
  const window = text.slice(0, limit + 1);
  for (const { pattern, keep } of BREAKS) {
    let cut = -1;
    for (const match of window.matchAll(pattern)) cut = match.index + keep;
    if (cut > limit / 2) return cut;
  }
  const lastSpace = window.search(/\s\S*$/);
  if (lastSpace > 0) return lastSpace;
  const code = text.charCodeAt(limit - 1);
  return code >= 0xd800 && code <= 0xdbff ? limit - 1 : limit;
}

/**
 * A message too long for Telegram as the parts Telegram clients send instead: each at most `limit`
 * long, cut at a paragraph, line, sentence or word boundary when there is one, whitespace at the cuts
 * dropped. Text within the limit is one part.
 */
export function splitMessageText(text: string, limit = MESSAGE_TEXT_LIMIT): string[] {
  const parts: string[] = [];
  let rest = text.trim();
  while (rest.length > limit) {
    const cut = cutAt(rest, limit);
    parts.push(rest.slice(0, cut).trimEnd());
    rest = rest.slice(cut).trimStart();
  }
  if (rest) parts.push(rest);
  return parts;
}
