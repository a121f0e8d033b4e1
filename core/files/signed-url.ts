import { createHmac, timingSafeEqual } from 'node:crypto';
import { deriveKey } from '#core/crypto/secret-box.ts';

/** How long a URL handed to the Mini App stays valid; a page asks for a fresh one after that. */
export const FILE_URL_TTL_MS = 60 * 60 * 1000;

/** The key that signs file URLs, derived so that no other use of DATA_ENCRYPTION_KEY can forge one. */
export const fileUrlKeyOf = (dataEncryptionKey: Buffer): Buffer => deriveKey(dataEncryptionKey, 'file-url');

export interface TFileUrl {
  fileId: string;
  expiresAt: Date;
  /** Served as an attachment (`content-disposition: attachment`) rather than shown inline. */
  download?: boolean;
  /** The kept original rather than the compressed copy. */
  original?: boolean;
}

// Every part that changes what is served is signed: a URL for the inline copy cannot be turned into one
// for the original, nor a later expiry written in.
function signature(key: Buffer, url: { fileId: string; exp: number; download: boolean; original: boolean }) {
  const payload = `file:${url.fileId}:${url.exp}:${url.download ? 1 : 0}:${url.original ? 1 : 0}`;
  return createHmac('sha256', key).update(payload).digest();
}

/** `/files/<id>?exp=<unix seconds>[&download=1][&original=1]&sig=<base64url>`, relative to the app's origin. */
export function signFileUrl(key: Buffer, url: TFileUrl): string {
  const exp = Math.floor(url.expiresAt.getTime() / 1000);
  const download = url.download ?? false;
  const original = url.original ?? false;
  const sig = signature(key, { fileId: url.fileId, exp, download, original }).toString('base64url');
  const query = new URLSearchParams({ exp: String(exp) });
  if (download) query.set('download', '1');
  if (original) query.set('original', '1');
  query.set('sig', sig);
  return `/files/${encodeURIComponent(url.fileId)}?${query.toString()}`;
}

export type TFileUrlCheck = { ok: true } | { ok: false; reason: 'invalid' | 'expired' };

/** Checks a URL's parts as the download route received them. */
export function verifyFileUrl(
  key: Buffer,
  url: { fileId: string; exp: number; download: boolean; original: boolean; sig: string },
  now = new Date(),
): TFileUrlCheck {
  // Compared as text, not decoded: base64url's last character carries unused bits, and a decoder would
  // accept several spellings of one signature. timingSafeEqual needs equal lengths; a MAC's length is public.
  const expected = Buffer.from(signature(key, url).toString('base64url'));
  const given = Buffer.from(url.sig);
  if (given.length !== expected.length || !timingSafeEqual(given, expected))
    return { ok: false, reason: 'invalid' };
  if (url.exp * 1000 <= now.getTime()) return { ok: false, reason: 'expired' };
  return { ok: true };
}
