import type { ServerResponse } from 'node:http';

/** Only pictures, sound and video are shown inline; browsers cannot run any of them as a page. */
const INLINE = /^(image\/(png|jpeg|gif|webp|bmp)|audio\/[\w.+-]+|video\/[\w.+-]+)$/;

/** RFC 6266: an ASCII fallback plus the UTF-8 name, so Cyrillic file names download as they are. */
function attachment(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

/**
 * A file a bot or user sent, answered from the emulator's own origin. Bots send any bytes (an .html
 * document, an .svg), so anything not a picture, sound or video is a download, and the sandbox CSP keeps
 * even those from running script with the page's access to the host API.
 */
export function sendFile(
  res: ServerResponse,
  bytes: Buffer,
  query: { type?: string; download?: string },
): void {
  const type = query.type && INLINE.test(query.type) ? query.type : 'application/octet-stream';
  res.writeHead(200, {
    'content-type': type,
    'content-length': String(bytes.length),
    'cache-control': 'private, max-age=3600',
    'content-security-policy': 'sandbox',
    'x-content-type-options': 'nosniff',
    ...(query.download !== undefined || type === 'application/octet-stream'
      ? { 'content-disposition': attachment(query.download ?? 'file') }
      : {}),
  });
  res.end(bytes);
}
