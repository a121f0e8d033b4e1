/**
 * Link validation for text_link entities, following what Telegram does to
 * `href`s: scheme-less links get `http://`, URLs are normalised (so
 * `telegram.org` becomes `http://telegram.org/`), and anything that is not a
 * plausible link makes the entity disappear rather than failing the request.
 */
const ALLOWED_SCHEMES = new Set(['http:', 'https:', 'tg:', 'ton:', 'tonsite:', 'ftp:']);

/** `tg://user?id=123` (or `tg:user?id=123`) links become text_mention entities. */
export function userIdFromLink(link: string): number | undefined {
  const match = /^tg:(?:\/\/)?user\?id=(\d{1,15})$/i.exec(link.trim());
  return match?.[1] ? Number(match[1]) : undefined;
}

export function checkLink(link: string): string | undefined {
  const trimmed = link.trim();
  if (trimmed === '') return undefined;
  const hasScheme = /^[a-z][a-z0-9+.-]*:/i.test(trimmed);
  let url: URL;
  try {
    url = new URL(hasScheme ? trimmed : `http://${trimmed}`);
  } catch {
    return undefined;
  }
  if (!ALLOWED_SCHEMES.has(url.protocol)) return undefined;
  if (url.protocol === 'http:' || url.protocol === 'https:') {
    // Telegram only links real-looking hosts: a dotted domain, an IP or localhost.
    if (!url.hostname.includes('.') && url.hostname !== 'localhost' && !url.hostname.startsWith('[')) {
      return undefined;
    }
  }
  return url.href;
}
