import { escapeHtml } from '#bots/shared/format.ts';

/**
 * The Markdown chat models write, as Telegram HTML: bold, italic, strikethrough, inline code, fenced code
 * blocks with their language, links, headings (bold lines), lists (bullets), quotes. Everything else is text,
 * escaped, so nothing the model writes can become markup Telegram refuses.
 *
 * Inline markup never spans lines. That keeps a completed line's rendering fixed while the reply streams in
 * (the message does not flicker) and lets the splitter cut at line ends without breaking a tag. A marker
 * with no partner (`**` still streaming, a stray `_`) is shown as written. An unclosed code fence runs to
 * the end: that is how a reply still streaming, or cut off, looks best.
 */
export function markdownToHtml(markdown: string): string {
  const lines = markdown.replace(/\r\n?/g, '\n').split('\n');
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    const fence = /^ {0,3}(`{3,}|~{3,})\s*([\w+#.-]*)[^`]*$/.exec(line);
    if (fence?.[1]) {
      const closing = new RegExp(`^ {0,3}${fence[1][0] === '`' ? '`' : '~'}{${fence[1].length},}\\s*$`);
      const body: string[] = [];
      let j = i + 1;
      while (j < lines.length && !closing.test(lines[j] ?? '')) body.push(lines[j++] ?? '');
      out.push(codeBlock(body.join('\n'), fence[2] ?? ''));
      i = j;
      continue;
    }
    if (/^ {0,3}>/.test(line)) {
      const quoted: string[] = [];
      let j = i;
      for (; j < lines.length && /^ {0,3}>/.test(lines[j] ?? ''); j++)
        quoted.push(inlineToHtml((lines[j] ?? '').replace(/^ {0,3}> ?/, '')));
      out.push(`<blockquote>${quoted.join('\n')}</blockquote>`);
      i = j - 1;
      continue;
    }
    out.push(blockLine(line));
  }
  return out.join('\n').replace(/\s+$/, '');
}

function codeBlock(code: string, language: string): string {
  const body = escapeHtml(code);
  // Telegram needs at least one character inside an entity; an empty block would be refused.
  const text = body.length > 0 ? body : ' ';
  return language
    ? `<pre><code class="language-${escapeHtml(language)}">${text}</code></pre>`
    : `<pre>${text}</pre>`;
}

function blockLine(line: string): string {
  const heading = /^ {0,3}#{1,6}\s+(.*?)(?:\s+#+)?\s*$/.exec(line);
  // The whole line is bold already; bold inside it would nest <b> in <b>.
  if (heading) return heading[1] ? `<b>${inlineToHtml(heading[1]).replace(/<\/?b>/g, '')}</b>` : '';
  if (/^ {0,3}([-*_])(?:\s*\1){2,}\s*$/.test(line)) return '──────────';
  const bullet = /^(\s*)[-*+]\s+(.*)$/.exec(line);
  if (bullet) return `${bullet[1] ?? ''}• ${inlineToHtml(bullet[2] ?? '')}`;
  return inlineToHtml(line);
}

type TSpan = { tag: 'b' | 'i' | 's'; open: string; close: string };

/** Delimiters in the order they are tried at one position: longest first, so `***` is bold italic. */
const SPANS: { marker: string; spans: TSpan[] }[] = [
  {
    marker: '***',
    spans: [
      { tag: 'b', open: '<b>', close: '</b>' },
      { tag: 'i', open: '<i>', close: '</i>' },
    ],
  },
  {
    marker: '___',
    spans: [
      { tag: 'b', open: '<b>', close: '</b>' },
      { tag: 'i', open: '<i>', close: '</i>' },
    ],
  },
  { marker: '**', spans: [{ tag: 'b', open: '<b>', close: '</b>' }] },
  { marker: '__', spans: [{ tag: 'b', open: '<b>', close: '</b>' }] },
  { marker: '~~', spans: [{ tag: 's', open: '<s>', close: '</s>' }] },
  { marker: '*', spans: [{ tag: 'i', open: '<i>', close: '</i>' }] },
  { marker: '_', spans: [{ tag: 'i', open: '<i>', close: '</i>' }] },
];

const isSpace = (ch: string | undefined) => ch === undefined || /\s/.test(ch);
const isWordChar = (ch: string | undefined) => ch !== undefined && /[\p{L}\p{N}]/u.test(ch);
const LINK_SCHEMES = /^(https?:\/\/|tg:\/\/|mailto:)/i;

/** Where the code span that starts at `start` (a run of backticks) ends, or -1. */
function codeSpanEnd(text: string, start: number): { end: number; ticks: number } | null {
  let ticks = 0;
  while (text[start + ticks] === '`') ticks++;
  const close = text.indexOf('`'.repeat(ticks), start + ticks);
  if (close === -1) return null;
  return { end: close + ticks, ticks };
}

/**
 * The position of the closing `marker` for an opening that ended at `from`, skipping code spans; -1 if none.
 * Markers are read as runs: `**` inside `*italic **bold** text*` is bold, not the italic's end, and the
 * last two stars of `***` close a bold whose italic closed just before.
 */
function findClosing(text: string, from: number, marker: string): number {
  const char = marker[0];
  for (let i = from; i < text.length; ) {
    if (text[i] === '\\') {
      i += 2;
      continue;
    }
    if (text[i] === '`') {
      i = codeSpanEnd(text, i)?.end ?? i + 1;
      continue;
    }
    if (text[i] !== char) {
      i++;
      continue;
    }
    let run = 0;
    while (text[i + run] === char) run++;
    if (i > from && !isSpace(text[i - 1]) && !(char === '_' && isWordChar(text[i + run]))) {
      if (run === marker.length) return i;
      if (run > marker.length && (marker.length > 1 || run === 3)) return i + run - marker.length;
    }
    i += run;
  }
  return -1;
}

/** One line of Markdown inline syntax to HTML. */
export function inlineToHtml(text: string, opts: { links?: boolean } = {}): string {
  let out = '';
  let i = 0;
  while (i < text.length) {
    const ch = text[i] ?? '';
    if (ch === '\\' && i + 1 < text.length && /[!-/:-@[-`{-~]/.test(text[i + 1] ?? '')) {
      out += escapeHtml(text[i + 1] ?? '');
      i += 2;
      continue;
    }
    if (ch === '`') {
      const span = codeSpanEnd(text, i);
      if (span) {
        const code = text.slice(i + span.ticks, span.end - span.ticks);
        const trimmed =
          code.length > 2 && code.startsWith(' ') && code.endsWith(' ') ? code.slice(1, -1) : code;
        out +=
          trimmed.length > 0 ? `<code>${escapeHtml(trimmed)}</code>` : escapeHtml(text.slice(i, span.end));
        i = span.end;
        continue;
      }
      let run = 0;
      while (text[i + run] === '`') run++;
      out += escapeHtml(text.slice(i, i + run));
      i += run;
      continue;
    }
    if (ch === '[' && opts.links !== false) {
      const link = parseLink(text, i);
      if (link) {
        out += `<a href="${escapeAttribute(link.url)}">${inlineToHtml(link.label, { links: false })}</a>`;
        i = link.end;
        continue;
      }
    }
    const span = openSpan(text, i);
    if (span) {
      const inner = inlineToHtml(text.slice(i + span.marker.length, span.close), opts);
      out +=
        span.spans.map((s) => s.open).join('') +
        inner +
        [...span.spans]
          .reverse()
          .map((s) => s.close)
          .join('');
      i = span.close + span.marker.length;
      continue;
    }
    if (ch === '*' || ch === '_' || ch === '~') {
      // A run with no partner is text as a whole: its tail must not pair with a later marker.
      let run = 0;
      while (text[i + run] === ch) run++;
      out += escapeHtml(text.slice(i, i + run));
      i += run;
      continue;
    }
    out += escapeHtml(ch);
    i++;
  }
  return out;
}

function openSpan(text: string, at: number): { marker: string; spans: TSpan[]; close: number } | null {
  for (const { marker, spans } of SPANS) {
    if (!text.startsWith(marker, at)) continue;
    const next = text[at + marker.length];
    if (isSpace(next) || next === marker[0]) continue;
    // `_` opens only at a word start: snake_case_names stay as they are.
    if (marker[0] === '_' && isWordChar(text[at - 1])) continue;
    const close = findClosing(text, at + marker.length, marker);
    if (close !== -1) return { marker, spans, close };
  }
  return null;
}

function parseLink(text: string, at: number): { label: string; url: string; end: number } | null {
  let depth = 0;
  let labelEnd = -1;
  for (let i = at; i < text.length; i++) {
    if (text[i] === '\\') {
      i++;
      continue;
    }
    if (text[i] === '[') depth++;
    else if (text[i] === ']' && --depth === 0) {
      labelEnd = i;
      break;
    }
  }
  if (labelEnd === -1 || text[labelEnd + 1] !== '(') return null;
  const close = text.indexOf(')', labelEnd + 2);
  if (close === -1) return null;
  const url =
    text
      .slice(labelEnd + 2, close)
      .trim()
      .split(/\s+/)[0] ?? '';
  const label = text.slice(at + 1, labelEnd);
  // Telegram refuses a link it cannot open; anything but these schemes is shown as text.
  if (!LINK_SCHEMES.test(url) || label.trim().length === 0) return null;
  return { label, url, end: close + 1 };
}

const escapeAttribute = (value: string) => escapeHtml(value).replace(/"/g, '&quot;');
