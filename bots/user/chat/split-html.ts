/**
 * Telegram's limit on a message: 4096 characters of text after entity parsing. Counted here in UTF-16 code
 * units (an emoji is two), which is never less than what Telegram counts, so a chunk that fits here fits
 * there.
 */
export const TELEGRAM_TEXT_MAX = 4_096;

type TUnit =
  | { kind: 'open'; raw: string; name: string }
  | { kind: 'close'; raw: string; name: string }
  /** One visible character: a code point, or an entity such as `&lt;` that stands for one. */
  | { kind: 'char'; raw: string; char: string };

type TOpenTag = Extract<TUnit, { kind: 'open' }>;

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"' };
const UNIT = /<(\/?)([a-z][a-z0-9-]*)(?:\s[^>]*)?>|&(lt|gt|amp|quot|#\d{1,7}|#x[0-9a-f]{1,6});|[\s\S]/giu;

function decodeEntity(name: string): string {
  if (name.startsWith('#x') || name.startsWith('#X'))
    return String.fromCodePoint(Number.parseInt(name.slice(2), 16));
  if (name.startsWith('#')) return String.fromCodePoint(Number.parseInt(name.slice(1), 10));
  return ENTITIES[name.toLowerCase()] ?? '';
}

function tokenize(html: string): TUnit[] {
  const units: TUnit[] = [];
  for (const m of html.matchAll(UNIT)) {
    const raw = m[0];
    if (m[2]) units.push({ kind: m[1] ? 'close' : 'open', raw, name: m[2].toLowerCase() });
    else if (m[3]) units.push({ kind: 'char', raw, char: decodeEntity(m[3]) });
    else units.push({ kind: 'char', raw, char: raw });
  }
  return units;
}

const isBlank = (u: TUnit | undefined) => u?.kind === 'char' && /^\s$/u.test(u.char);

/** The tags open after `units`, given those open before them. */
function openAfter(before: readonly TOpenTag[], units: readonly TUnit[]): TOpenTag[] {
  const stack = [...before];
  for (const u of units) {
    if (u.kind === 'open') stack.push(u);
    else if (u.kind === 'close') {
      const at = stack.map((o) => o.name).lastIndexOf(u.name);
      if (at !== -1) stack.splice(at, 1);
    }
  }
  return stack;
}

/** Where to end a chunk that cannot hold the rest: an index into `units` (that unit starts the next chunk). */
function breakPoint(units: readonly TUnit[], from: number, limit: number): number | null {
  let visible = 0;
  let previous = '';
  const best = { paragraph: -1, line: -1, space: -1 };
  const at = { paragraph: 0, line: 0, space: 0 };
  for (let j = from; j < units.length; j++) {
    const u = units[j];
    if (u?.kind !== 'char') continue;
    if (visible + u.char.length > limit) {
      // A blank right at the limit is the best cut of all: it is dropped, so the message is full.
      if (u.char === '\n' || (best.line < from && /^\s$/u.test(u.char))) return j;
      // Prefer the largest unit of text that still fills at least half the message.
      for (const kind of ['paragraph', 'line', 'space'] as const)
        if (best[kind] !== -1 && at[kind] >= limit / 2) return best[kind];
      const any = Math.max(best.paragraph, best.line, best.space);
      return any > from ? any : Math.max(j, from + 1);
    }
    if (u.char === '\n') {
      if (previous === '\n') {
        best.paragraph = j;
        at.paragraph = visible;
      }
      best.line = j;
      at.line = visible;
    } else if (/^\s$/u.test(u.char)) {
      best.space = j;
      at.space = visible;
    }
    previous = u.char;
    visible += u.char.length;
  }
  return null;
}

function render(open: readonly TOpenTag[], units: readonly TUnit[]): { html: string; visible: boolean } {
  // Trailing blanks go; tags after them stay, or the chunk would not close what it opened.
  let last = units.length - 1;
  while (last >= 0 && (units[last]?.kind !== 'char' || isBlank(units[last]))) last--;
  const kept = units.filter((u, k) => k <= last || u.kind !== 'char');
  const closing = openAfter(open, kept)
    .reverse()
    .map((u) => `</${u.name}>`);
  return {
    html: open.map((u) => u.raw).join('') + kept.map((u) => u.raw).join('') + closing.join(''),
    visible: last >= 0,
  };
}

/**
 * Splits Telegram HTML into messages of at most `limit` characters of text, at a paragraph break, else a
 * line break, else a space (a hard cut only inside one enormous word). Cuts fall between characters, never
 * inside a tag or an entity; tags open at a cut are closed at the end of one chunk and opened again at the
 * start of the next, so every chunk is valid HTML on its own and a code block keeps its language.
 */
export function splitHtml(html: string, limit = TELEGRAM_TEXT_MAX): string[] {
  const units = tokenize(html);
  const chunks: string[] = [];
  let open: TOpenTag[] = [];
  let i = 0;
  while (i < units.length) {
    // The blank a cut fell on starts no message; inside code only the line break goes, not the indentation.
    const inCode = open.some((u) => u.name === 'pre');
    while (isBlank(units[i]) && (!inCode || (units[i]?.kind === 'char' && units[i]?.raw === '\n'))) i++;
    if (i >= units.length) break;
    const cut = breakPoint(units, i, limit) ?? units.length;
    const piece = units.slice(i, cut);
    const chunk = render(open, piece);
    if (chunk.visible) chunks.push(chunk.html);
    open = openAfter(open, piece);
    i = cut;
  }
  return chunks;
}

/** The text Telegram would show for this HTML: what is sent when Telegram refuses the markup. */
export function htmlToPlainText(html: string): string {
  return tokenize(html)
    .map((u) => (u.kind === 'char' ? u.char : ''))
    .join('');
}
