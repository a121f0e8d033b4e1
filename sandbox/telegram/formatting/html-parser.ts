import { byteOffset, EntityParseError, type RawEntity, type RawEntityType } from './raw-entity.ts';

/**
 * `parse_mode: "HTML"`, reproducing tdlib's `parse_html` (the parser behind the
 * Bot API): the same supported tags, the same attribute grammar, only the four
 * named entities `&lt; &gt; &amp; &quot;` plus numeric ones (the `;` is
 * optional), and the same error messages with UTF-8 byte offsets.
 */
const SUPPORTED_TAGS = new Set([
  'a',
  'b',
  'strong',
  'i',
  'em',
  's',
  'strike',
  'del',
  'u',
  'ins',
  'tg-spoiler',
  'tg-emoji',
  'span',
  'pre',
  'code',
  'blockquote',
]);

const SIMPLE_TAG_TYPES: Record<string, RawEntityType> = {
  b: 'bold',
  strong: 'bold',
  i: 'italic',
  em: 'italic',
  s: 'strikethrough',
  strike: 'strikethrough',
  del: 'strikethrough',
  u: 'underline',
  ins: 'underline',
  'tg-spoiler': 'spoiler',
  span: 'spoiler',
};

const NAMED_ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"' };

interface OpenTag {
  name: string;
  argument: string;
  offset: number;
}

function isSpace(ch: string | undefined): boolean {
  return ch === ' ' || ch === '\t' || ch === '\r' || ch === '\n' || ch === '\v' || ch === '\f';
}

/** Decodes the HTML entity at `pos`; returns the text and the index after it, or undefined. */
function decodeEntity(text: string, pos: number): { value: string; end: number } | undefined {
  let end = pos + 1;
  let codePoint = 0;
  if (text[end] === '#') {
    end++;
    const hex = text[end] === 'x';
    if (hex) end++;
    const digits = hex ? /[0-9a-fA-F]/ : /[0-9]/;
    const start = end;
    while (end < text.length && digits.test(text[end] ?? '')) {
      codePoint = codePoint * (hex ? 16 : 10) + Number.parseInt(text[end] ?? '0', hex ? 16 : 10);
      end++;
      if (codePoint >= 0x10ffff) return undefined;
    }
    if (end === start || codePoint === 0 || end - pos >= 10) return undefined;
    if (codePoint >= 0xd800 && codePoint <= 0xdfff) {
      throw new EntityParseError(
        'Text contains invalid Unicode characters after decoding HTML entities, check for unmatched surrogate code units',
      );
    }
  } else {
    while (end < text.length && /[a-zA-Z]/.test(text[end] ?? '')) end++;
    const named = NAMED_ENTITIES[text.slice(pos + 1, end)];
    if (named === undefined) return undefined;
    codePoint = named.codePointAt(0) ?? 0;
  }
  if (text[end] === ';') end++;
  return { value: String.fromCodePoint(codePoint), end };
}

export function parseHtml(text: string): { text: string; entities: RawEntity[] } {
  let out = '';
  const entities: RawEntity[] = [];
  const open: OpenTag[] = [];
  const err = (message: string, at: number) =>
    new EntityParseError(`${message} at byte offset ${byteOffset(text, at)}`);

  let i = 0;
  while (i < text.length) {
    const ch = text[i];
    if (ch === '&') {
      const decoded = decodeEntity(text, i);
      if (decoded) {
        out += decoded.value;
        i = decoded.end;
        continue;
      }
    }
    if (ch !== '<') {
      out += ch;
      i++;
      continue;
    }

    const begin = i++;
    if (text[i] !== '/') {
      // Start tag: name, then `name=value` attributes.
      while (i < text.length && !isSpace(text[i]) && text[i] !== '>') i++;
      if (i >= text.length) throw err('Unclosed start tag', begin);
      const name = text.slice(begin + 1, i).toLowerCase();
      if (!SUPPORTED_TAGS.has(name)) throw err(`Unsupported start tag "${name}"`, begin);

      let argument = '';
      while (text[i] !== '>') {
        while (i < text.length && isSpace(text[i])) i++;
        if (text[i] === '>') break;
        const attributeBegin = i;
        while (i < text.length && !isSpace(text[i]) && text[i] !== '=' && text[i] !== '>') i++;
        const attribute = text.slice(attributeBegin, i).toLowerCase();
        if (attribute === '') throw err(`Empty attribute name in the tag "${name}"`, begin);
        while (i < text.length && isSpace(text[i])) i++;
        if (text[i] !== '=') {
          // `<blockquote expandable>` is the one valueless attribute Telegram knows.
          if (name === 'blockquote' && attribute === 'expandable') {
            argument = '1';
            if (i >= text.length) throw err('Unclosed start tag', begin);
            continue;
          }
          throw err(`Expected equal sign in declaration of an attribute of the tag "${name}"`, begin);
        }
        i++;
        while (i < text.length && isSpace(text[i])) i++;
        if (i >= text.length) throw err(`Unclosed start tag "${name}"`, begin);

        let value = '';
        const quote = text[i];
        if (quote !== '"' && quote !== "'") {
          // A name token: letters, digits, periods and hyphens, case-insensitive.
          const tokenBegin = i;
          while (i < text.length && /[a-zA-Z0-9.-]/.test(text[i] ?? '')) i++;
          value = text.slice(tokenBegin, i).toLowerCase();
          if (!isSpace(text[i]) && text[i] !== '>') throw err('Unexpected end of name token', i);
        } else {
          i++;
          while (i < text.length && text[i] !== quote) {
            if (text[i] === '&') {
              const decoded = decodeEntity(text, i);
              if (decoded) {
                value += decoded.value;
                i = decoded.end;
                continue;
              }
            }
            value += text[i];
            i++;
          }
          if (text[i] === quote) i++;
        }
        if (i >= text.length) throw err('Unclosed start tag', begin);

        if (name === 'a' && attribute === 'href') argument = value;
        else if (name === 'code' && attribute === 'class' && value.startsWith('language-')) {
          argument = value.slice('language-'.length);
        } else if (name === 'span' && attribute === 'class' && value.startsWith('tg-')) {
          argument = value.slice('tg-'.length);
        } else if (name === 'tg-emoji' && attribute === 'emoji-id') argument = value;
        else if (name === 'blockquote' && attribute === 'expandable') argument = '1';
      }
      if (name === 'span' && argument !== 'spoiler') {
        throw err('Tag "span" must have class "tg-spoiler"', begin);
      }
      open.push({ name, argument, offset: out.length });
      i++;
      continue;
    }

    // End tag: `</name>` or the anonymous `</>`, which closes the innermost tag.
    if (open.length === 0) throw err('Unexpected end tag', begin);
    i++;
    while (i < text.length && !isSpace(text[i]) && text[i] !== '>') i++;
    const endName = text.slice(begin + 2, i).toLowerCase();
    while (i < text.length && isSpace(text[i])) i++;
    if (text[i] !== '>') throw err('Unclosed end tag', begin);
    i++;
    const tag = open.pop() as OpenTag;
    if (endName !== '' && endName !== tag.name) {
      throw new EntityParseError(
        `Unmatched end tag at byte offset ${byteOffset(text, begin)}, expected "</${tag.name}>", found "</${endName}>"`,
      );
    }
    closeTag(tag, out, entities, open);
  }
  const unclosed = open.at(-1);
  if (unclosed)
    throw new EntityParseError(`Can't find end tag corresponding to start tag "${unclosed.name}"`);
  return { text: out, entities };
}

function closeTag(tag: OpenTag, out: string, entities: RawEntity[], open: OpenTag[]): void {
  const offset = tag.offset;
  const length = out.length - offset;
  if (length <= 0) return;
  const simple = SIMPLE_TAG_TYPES[tag.name];
  if (simple) {
    entities.push({ type: simple, offset, length });
    return;
  }
  switch (tag.name) {
    case 'a': {
      // `<a>` without href links its own text.
      entities.push({ type: 'text_link', offset, length, url: tag.argument || out.slice(offset) });
      return;
    }
    case 'tg-emoji': {
      if (!/^\d{1,19}$/.test(tag.argument) || tag.argument === '0') {
        throw new EntityParseError('Invalid custom emoji identifier specified');
      }
      entities.push({ type: 'custom_emoji', offset, length, customEmojiId: tag.argument });
      return;
    }
    case 'blockquote':
      entities.push({ type: tag.argument ? 'expandable_blockquote' : 'blockquote', offset, length });
      return;
    case 'pre': {
      // <pre><code class="language-x">…</code></pre> is one pre entity with a language.
      const last = entities.at(-1);
      if (last?.type === 'code' && last.offset === offset && last.length === length && last.language) {
        entities.pop();
        entities.push({ type: 'pre', offset, length, language: last.language });
      } else {
        entities.push({ type: 'pre', offset, length });
      }
      return;
    }
    case 'code': {
      // The reverse nesting <code class="language-x"><pre>…</pre></code> means the same.
      const last = entities.at(-1);
      if (tag.argument && last?.type === 'pre' && last.offset === offset && last.length === length) {
        last.language = tag.argument;
        return;
      }
      const parent = open.at(-1);
      const inPre = parent?.name === 'pre' && parent.offset === offset;
      entities.push(
        inPre && tag.argument
          ? { type: 'code', offset, length, language: tag.argument }
          : { type: 'code', offset, length },
      );
      return;
    }
  }
}
