import { AppError } from '#core/errors/app-error.ts';

export type TFileKind = 'image' | 'video' | 'audio' | 'document' | 'temp';

/** The store's top-level folders, one per kind of file. Nothing outside them is ever read or written. */
export const KIND_FOLDERS: Record<TFileKind, string> = {
  image: 'images',
  video: 'videos',
  audio: 'audio',
  document: 'documents',
  temp: 'temp',
};
const FOLDERS = new Set(Object.values(KIND_FOLDERS));

// No segment starts with a dot (so no `.`, `..` or hidden names), none is empty, and none holds a character
// that an S3 URL or a file system would treat specially. Ids are base64url, so `-` and `_` may lead.
const SEGMENT = /^[A-Za-z0-9_-][A-Za-z0-9._-]{0,127}$/;
const MAX_KEY_LENGTH = 512;

/** Throws `INVALID_INPUT` unless `key` is a relative path inside one of the kind folders. */
export function assertValidKey(key: string): void {
  const segments = key.split('/');
  const valid =
    key.length <= MAX_KEY_LENGTH &&
    segments.length >= 2 &&
    FOLDERS.has(segments[0] ?? '') &&
    segments.every((segment) => SEGMENT.test(segment));
  if (!valid) throw new AppError('INVALID_INPUT', { reason: 'file key' });
}

/**
 * `images/2026/12/06/<id>.jpg`, and `images/2026/12/06/<id>.original.png` for a kept original. The date
 * folder (UTC) keeps directories small and makes a store listing readable by age.
 */
export function fileKeyFor(opts: { kind: TFileKind; id: string; ext: string; at: Date; original?: boolean }) {
  const date = opts.at.toISOString().slice(0, 10).replaceAll('-', '/');
  const name = `${opts.id}${opts.original ? '.original' : ''}.${opts.ext}`;
  const key = `${KIND_FOLDERS[opts.kind]}/${date}/${name}`;
  assertValidKey(key);
  return key;
}
