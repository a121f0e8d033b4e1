// The subset of Markdown chat models write (CommonMark-like, not complete): fenced code, headings, quotes,
// bullet and numbered lists, rules, paragraphs; inline code, bold, italic, strike-through and links. The
// result is a tree of plain data that Markdown.tsx turns into React elements, so the model's text is only
// ever text: no HTML from it is interpreted, and a link keeps only http(s) and mailto targets.
//
// Replies are parsed again on every streamed piece, so half-written syntax (an unclosed fence or `**`)
// must parse too: an open fence runs to the end, an unmatched marker stays literal.

export type TInline =
  | { type: 'text'; text: string }
  | { type: 'code'; text: string }
  | { type: 'strong' | 'em' | 'del'; children: TInline[] }
  | { type: 'link'; href: string; children: TInline[] }
  | { type: 'br' };

export type TBlock =
  | { type: 'paragraph'; children: TInline[] }
  | { type: 'heading'; level: 1 | 2 | 3 | 4 | 5 | 6; children: TInline[] }
  | { type: 'code'; language: string; text: string }
  | { type: 'quote'; children: TBlock[] }
  | { type: 'list'; ordered: boolean; start: number; items: TInline[][] }
  | { type: 'rule' };

const FENCE = /^\s{0,3}(`{3,}|~{3,})\s*([\w+#.-]*)/;
const HEADING = /^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$/;
const QUOTE = /^\s{0,3}>\s?(.*)$/;
const BULLET = /^\s{0,3}[-*+]\s+(.*)$/;
const NUMBERED = /^\s{0,3}(\d{1,9})[.)]\s+(.*)$/;
const RULE = /^\s{0,3}([-*_])(\s*\1){2,}\s*$/;

/** Links a reader can follow safely; `javascript:`, `data:` and the like stay plain text. */
export function safeHref(raw: string): string | null {
  const href = raw.trim();
  return /^(https?:\/\/|mailto:)/i.test(href) ? href : null;
}

const startsBlock = (line: string) =>
  FENCE.test(line) ||
  HEADING.test(line) ||
  QUOTE.test(line) ||
  RULE.test(line) ||
  BULLET.test(line) ||
  NUMBERED.test(line);

export function parseMarkdown(source: string): TBlock[] {
  return parseBlocks(source.replace(/\r\n?/g, '\n').split('\n'));
}

function parseBlocks(lines: string[]): TBlock[] {
  const blocks: TBlock[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i] ?? '';
    if (line.trim() === '') {
      i++;
      continue;
    }
    const fence = FENCE.exec(line);
    if (fence) {
      const marker = fence[1] ?? '```';
      const body: string[] = [];
      i++;
      while (i < lines.length && !(lines[i] ?? '').trimStart().startsWith(marker))
        body.push(lines[i++] ?? '');
      i++;
      blocks.push({ type: 'code', language: fence[2] ?? '', text: body.join('\n') });
      continue;
    }
    const heading = HEADING.exec(line);
    if (heading) {
      const level = Math.min(6, heading[1]?.length ?? 1) as 1 | 2 | 3 | 4 | 5 | 6;
      blocks.push({ type: 'heading', level, children: parseInline(heading[2] ?? '') });
      i++;
      continue;
    }
    if (RULE.test(line)) {
      blocks.push({ type: 'rule' });
      i++;
      continue;
    }
    if (QUOTE.test(line)) {
      const quoted: string[] = [];
      while (i < lines.length && QUOTE.test(lines[i] ?? ''))
        quoted.push(QUOTE.exec(lines[i++] ?? '')?.[1] ?? '');
      blocks.push({ type: 'quote', children: parseBlocks(quoted) });
      continue;
    }
    const numbered = NUMBERED.exec(line);
    if (BULLET.test(line) || numbered) {
      const ordered = numbered !== null;
      const pattern = ordered ? NUMBERED : BULLET;
      const items: string[] = [];
      while (i < lines.length) {
        const current = lines[i] ?? '';
        const item = pattern.exec(current);
        if (item) items.push((ordered ? item[2] : item[1]) ?? '');
        // An indented line continues the item above it.
        else if (/^\s{2,}\S/.test(current) && items.length > 0)
          items[items.length - 1] += `\n${current.trim()}`;
        else break;
        i++;
      }
      blocks.push({
        type: 'list',
        ordered,
        start: ordered ? Number(numbered?.[1] ?? 1) : 1,
        items: items.map(parseInline),
      });
      continue;
    }
    const paragraph: string[] = [];
    while (
      i < lines.length &&
      (lines[i] ?? '').trim() !== '' &&
      (paragraph.length === 0 || !startsBlock(lines[i] ?? ''))
    )
      paragraph.push(lines[i++] ?? '');
    blocks.push({ type: 'paragraph', children: parseInline(paragraph.join('\n')) });
  }
  return blocks;
}

type TMatch = { index: number; length: number; node: TInline };

const DELIMITED: { open: string; type: 'strong' | 'em' | 'del' }[] = [
  { open: '**', type: 'strong' },
  { open: '__', type: 'strong' },
  { open: '~~', type: 'del' },
  { open: '*', type: 'em' },
  { open: '_', type: 'em' },
];

/** A marker of one character that is half of a double one (`*` of `**`) is not that marker. */
const doubled = (text: string, at: number, open: string) =>
  open.length === 1 && (text[at - 1] === open || text[at + 1] === open);

/**
 * The first `open … open` span after `from`: the opening marker hugs the text (`**bold**`, not `a * b`), so
 * does the closing one; `_` inside a word (snake_case) is literal.
 */
function delimited(
  text: string,
  from: number,
  open: string,
): { index: number; length: number; inner: string } | null {
  for (let start = text.indexOf(open, from); start >= 0; start = text.indexOf(open, start + 1)) {
    const inner = start + open.length;
    if (doubled(text, start, open) || /\s/.test(text[inner] ?? ' ')) continue;
    if (open.startsWith('_') && /\w/.test(text[start - 1] ?? '')) continue;
    for (let close = text.indexOf(open, inner + 1); close >= 0; close = text.indexOf(open, close + 1)) {
      if (/\s/.test(text[close - 1] ?? ' ') || doubled(text, close, open)) continue;
      if (open.startsWith('_') && /\w/.test(text[close + open.length] ?? '')) continue;
      return { index: start, length: close + open.length - start, inner: text.slice(inner, close) };
    }
  }
  return null;
}

/** The earliest inline construct at or after `from`, or null: the text up to it is plain. */
function nextMatch(text: string, from: number): TMatch | null {
  let best: TMatch | null = null;
  const consider = (match: TMatch | null) => {
    if (match && (!best || match.index < best.index)) best = match;
  };
  const code = /`([^`\n]+)`/g;
  code.lastIndex = from;
  const codeMatch = code.exec(text);
  if (codeMatch)
    consider({
      index: codeMatch.index,
      length: codeMatch[0].length,
      node: { type: 'code', text: codeMatch[1] ?? '' },
    });
  const link = /\[([^\]\n]+)\]\(([^)\s]+)\)/g;
  link.lastIndex = from;
  const m = link.exec(text);
  if (m) {
    const href = safeHref(m[2] ?? '');
    const children = parseInline(m[1] ?? '');
    consider({
      index: m.index,
      length: m[0].length,
      node: href ? { type: 'link', href, children } : { type: 'text', text: m[1] ?? '' },
    });
  }
  for (const { open, type } of DELIMITED) {
    const match = delimited(text, from, open);
    if (match) consider({ ...match, node: { type, children: parseInline(match.inner) } });
  }
  return best;
}

export function parseInline(text: string): TInline[] {
  const out: TInline[] = [];
  const pushText = (chunk: string) => {
    const parts = chunk.split('\n');
    parts.forEach((part, index) => {
      if (index > 0) out.push({ type: 'br' });
      if (part) out.push({ type: 'text', text: part });
    });
  };
  let at = 0;
  for (let match = nextMatch(text, at); match; match = nextMatch(text, at)) {
    pushText(text.slice(at, match.index));
    out.push(match.node);
    at = match.index + match.length;
  }
  pushText(text.slice(at));
  return out;
}
