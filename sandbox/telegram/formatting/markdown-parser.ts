import { byteOffset, EntityParseError, type RawEntity } from './raw-entity.ts';

/**
 * Legacy `parse_mode: "Markdown"` (tdlib's `parse_markdown`): `*bold*`,
 * `_italic_`, `` `code` ``, ```` ```pre``` ```` and `[text](url)`; entities do
 * not nest and only `_ * \` [` can be escaped.
 */
export function parseMarkdown(text: string): { text: string; entities: RawEntity[] } {
  let out = '';
  const entities: RawEntity[] = [];
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    const next = text[i + 1];
    if (ch === '\\' && (next === '_' || next === '*' || next === '`' || next === '[')) {
      out += next;
      i++;
      continue;
    }
    if (ch !== '_' && ch !== '*' && ch !== '`' && ch !== '[') {
      out += ch;
      continue;
    }

    const begin = i;
    const endChar = ch === '[' ? ']' : ch;
    let isPre = false;
    let language = '';
    i++;
    if (ch === '`' && text[i] === '`' && text[i + 1] === '`') {
      i += 2;
      isPre = true;
      let languageEnd = i;
      while (languageEnd < text.length && !/\s/.test(text[languageEnd] ?? '') && text[languageEnd] !== '`') {
        languageEnd++;
      }
      if (i !== languageEnd && languageEnd < text.length && text[languageEnd] !== '`') {
        language = text.slice(i, languageEnd);
        i = languageEnd;
      }
      if (text[i] === '\n' || text[i] === '\r') {
        const after = text[i + 1];
        i += (after === '\n' || after === '\r') && after !== text[i] ? 2 : 1;
      }
    }

    const offset = out.length;
    while (
      i < text.length &&
      (text[i] !== endChar || (isPre && !(text[i + 1] === '`' && text[i + 2] === '`')))
    ) {
      out += text[i];
      i++;
    }
    if (i >= text.length) {
      throw new EntityParseError(
        `Can't find end of the entity starting at byte offset ${byteOffset(text, begin)}`,
      );
    }
    const length = out.length - offset;
    if (ch === '[') {
      let url = out.slice(offset);
      if (text[i + 1] === '(') {
        i += 2;
        url = '';
        while (i < text.length && text[i] !== ')') {
          url += text[i];
          i++;
        }
      }
      if (length > 0) entities.push({ type: 'text_link', offset, length, url });
    } else if (length > 0) {
      if (ch === '_') entities.push({ type: 'italic', offset, length });
      else if (ch === '*') entities.push({ type: 'bold', offset, length });
      else if (isPre)
        entities.push(language ? { type: 'pre', offset, length, language } : { type: 'pre', offset, length });
      else entities.push({ type: 'code', offset, length });
    }
    if (isPre) i += 2;
  }
  return { text: out, entities };
}
