import { byteOffset, EntityParseError, type RawEntity, type RawEntityType } from './raw-entity.ts';

/**
 * `parse_mode: "MarkdownV2"`, following tdlib's `parse_markdown_v2`: every
 * character of `_*[]()~\`>#+-=|{}.!` must be escaped outside entities, inside
 * code/pre only "`" and "\" are special, entities nest, `>` at a line start
 * opens a block quote, and errors quote tdlib's messages and byte offsets.
 *
 * Simplification: the expandable block quote syntax (`**>` … `||`) is not
 * recognised; `**` parses as an empty bold entity as it would without it.
 */
const RESERVED = '_*[]()~`>#+-=|{}.!';

/** tdlib's names for entity types in "Can't find end of X entity" errors. */
type OpenKind =
  | 'Bold'
  | 'Italic'
  | 'Underline'
  | 'Strikethrough'
  | 'Spoiler'
  | 'Code'
  | 'Pre'
  | 'PreCode'
  | 'TextUrl'
  | 'CustomEmoji';

const ENTITY_TYPE: Record<Exclude<OpenKind, 'Pre' | 'PreCode' | 'TextUrl' | 'CustomEmoji'>, RawEntityType> = {
  Bold: 'bold',
  Italic: 'italic',
  Underline: 'underline',
  Strikethrough: 'strikethrough',
  Spoiler: 'spoiler',
  Code: 'code',
};

interface OpenEntity {
  kind: OpenKind;
  language: string;
  offset: number;
  byteStart: number;
}

interface OpenQuote {
  offset: number;
  depth: number;
}

function isSpace(ch: string | undefined): boolean {
  return (
    ch === undefined || ch === ' ' || ch === '\t' || ch === '\r' || ch === '\n' || ch === '\v' || ch === '\f'
  );
}

function isEscapable(ch: string | undefined): boolean {
  if (ch === undefined) return false;
  const code = ch.charCodeAt(0);
  return code > 0 && code <= 126;
}

function isEndOf(open: OpenEntity, text: string, i: number): boolean {
  const ch = text[i];
  switch (open.kind) {
    case 'Bold':
      return ch === '*';
    case 'Italic':
      return ch === '_' && text[i + 1] !== '_';
    case 'Underline':
      return ch === '_' && text[i + 1] === '_';
    case 'Strikethrough':
      return ch === '~';
    case 'Spoiler':
      return ch === '|' && text[i + 1] === '|';
    case 'Code':
      return ch === '`';
    case 'Pre':
    case 'PreCode':
      return ch === '`' && text[i + 1] === '`' && text[i + 2] === '`';
    case 'TextUrl':
    case 'CustomEmoji':
      return ch === ']';
  }
}

export function parseMarkdownV2(text: string): { text: string; entities: RawEntity[] } {
  let out = '';
  const entities: RawEntity[] = [];
  const stack: OpenEntity[] = [];
  let quote: OpenQuote | undefined;
  const reservedError = (ch: string) =>
    new EntityParseError(`Character '${ch}' is reserved and must be escaped with the preceding '\\'`);
  const unclosedError = (open: OpenEntity) =>
    new EntityParseError(`Can't find end of ${open.kind} entity at byte offset ${open.byteStart}`);

  const closeQuote = () => {
    if (!quote) return;
    const inner = stack.at(-1);
    if (inner && stack.length > quote.depth) throw unclosedError(inner);
    if (out.length > quote.offset) {
      entities.push({ type: 'blockquote', offset: quote.offset, length: out.length - quote.offset });
    }
    quote = undefined;
  };

  for (let i = 0; i < text.length; i++) {
    const top = stack.at(-1);
    const inCode = top?.kind === 'Code' || top?.kind === 'Pre' || top?.kind === 'PreCode';
    const ch = text[i] as string;

    if ((i === 0 || text[i - 1] === '\n') && !inCode) {
      if (ch === '>') {
        quote ??= { offset: out.length, depth: stack.length };
        continue;
      }
      closeQuote();
    }

    if (ch === '\\' && isEscapable(text[i + 1])) {
      i++;
      out += text[i];
      continue;
    }

    const reserved = inCode ? '`' : RESERVED;
    if (!reserved.includes(ch)) {
      out += ch;
      continue;
    }

    if (!top || !isEndOf(top, text, i)) {
      // Start of an entity.
      const byteStart = byteOffset(text, i);
      let kind: OpenKind;
      let language = '';
      switch (ch) {
        case '_':
          if (text[i + 1] === '_') {
            kind = 'Underline';
            i++;
          } else {
            kind = 'Italic';
          }
          break;
        case '*':
          kind = 'Bold';
          break;
        case '~':
          kind = 'Strikethrough';
          break;
        case '|':
          if (text[i + 1] !== '|') throw reservedError(ch);
          i++;
          kind = 'Spoiler';
          break;
        case '[':
          kind = 'TextUrl';
          break;
        case '`':
          if (text[i + 1] === '`' && text[i + 2] === '`') {
            i += 3;
            kind = 'Pre';
            let languageEnd = i;
            while (!isSpace(text[languageEnd]) && text[languageEnd] !== '`') languageEnd++;
            if (i !== languageEnd && languageEnd < text.length && text[languageEnd] !== '`') {
              kind = 'PreCode';
              language = text.slice(i, languageEnd);
              i = languageEnd;
            }
            // One line break right after the opening ``` is not part of the code.
            if (text[i] === '\n' || text[i] === '\r') {
              const next = text[i + 1];
              i += (next === '\n' || next === '\r') && next !== text[i] ? 2 : 1;
            }
            i--;
          } else {
            kind = 'Code';
          }
          break;
        case '!':
          if (text[i + 1] !== '[') throw reservedError(ch);
          i++;
          kind = 'CustomEmoji';
          break;
        default:
          throw reservedError(ch);
      }
      stack.push({ kind, language, offset: out.length, byteStart });
      continue;
    }

    // End of the innermost entity.
    const open = stack.pop() as OpenEntity;
    const offset = open.offset;
    const length = out.length - offset;
    let entity: RawEntity | undefined;
    switch (open.kind) {
      case 'Underline':
      case 'Spoiler':
        i++;
        entity = { type: ENTITY_TYPE[open.kind], offset, length };
        break;
      case 'Bold':
      case 'Italic':
      case 'Strikethrough':
      case 'Code':
        entity = { type: ENTITY_TYPE[open.kind], offset, length };
        break;
      case 'Pre':
      case 'PreCode':
        i += 2;
        entity =
          open.kind === 'PreCode'
            ? { type: 'pre', offset, length, language: open.language }
            : { type: 'pre', offset, length };
        break;
      case 'TextUrl': {
        let url = '';
        if (text[i + 1] !== '(') {
          url = out.slice(offset);
        } else {
          i += 2;
          const urlBegin = i;
          while (i < text.length && text[i] !== ')') {
            if (text[i] === '\\' && isEscapable(text[i + 1])) {
              url += text[i + 1];
              i += 2;
              continue;
            }
            url += text[i];
            i++;
          }
          if (text[i] !== ')') {
            throw new EntityParseError(
              `Can't find end of a URL at byte offset ${byteOffset(text, urlBegin)}`,
            );
          }
        }
        entity = { type: 'text_link', offset, length, url };
        break;
      }
      case 'CustomEmoji':
        entity = { type: 'custom_emoji', offset, length, customEmojiId: readCustomEmojiUrl(text, i) };
        i = text.indexOf(')', i);
        break;
    }
    if (entity && length > 0) entities.push(entity);
  }
  closeQuote();
  const unclosed = stack.at(-1);
  if (unclosed) throw unclosedError(unclosed);
  return { text: out, entities };
}

/** `![👍](tg://emoji?id=5368324170671202286)`: returns the id, validating like tdlib. */
function readCustomEmojiUrl(text: string, closeBracket: number): string {
  if (text[closeBracket + 1] !== '(') {
    throw new EntityParseError('Custom emoji entity must contain a tg://emoji URL');
  }
  const urlBegin = closeBracket + 2;
  const end = text.indexOf(')', urlBegin);
  if (end === -1) {
    throw new EntityParseError(
      `Can't find end of a custom emoji URL at byte offset ${byteOffset(text, urlBegin)}`,
    );
  }
  const url = text.slice(urlBegin, end);
  if (!/^tg:/i.test(url)) throw new EntityParseError('Custom emoji URL must have scheme tg');
  if (!/^tg:(\/\/)?emoji\/?(\?|$)/i.test(url))
    throw new EntityParseError('Custom emoji URL must have host "emoji"');
  const id = /[?&]id=([^&#]*)/.exec(url.split('#')[0] ?? '')?.[1];
  if (id === undefined) throw new EntityParseError('Custom emoji URL must have an emoji identifier');
  if (!/^[1-9]\d{0,18}$/.test(id)) throw new EntityParseError('Invalid custom emoji identifier specified');
  return id;
}
