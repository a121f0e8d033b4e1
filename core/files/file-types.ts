import type { TFileKind } from './file-keys.ts';

/** A type Polygram accepts: what it is called, its extension in store keys, and how its bytes begin. */
export interface TFileType {
  mimeType: string;
  ext: string;
  kind: Exclude<TFileKind, 'temp'>;
  /** Whether the first bytes of a file (at least HEAD_BYTES, fewer for a short file) fit this type. */
  matches(head: Buffer): boolean;
}

/** How many leading bytes `matches` looks at. */
export const HEAD_BYTES = 4096;

const startsWith = (head: Buffer, text: string, at = 0) =>
  head.subarray(at, at + text.length).toString('latin1') === text;
const riff = (form: string) => (head: Buffer) => startsWith(head, 'RIFF') && startsWith(head, form, 8);
// ISO base media (mp4, m4a, mov): a box size, then the box type. QuickTime files may open with other boxes.
const isoBox =
  (...types: string[]) =>
  (head: Buffer) =>
    types.some((type) => startsWith(head, type, 4));
const ebml = (head: Buffer) => head.subarray(0, 4).equals(Buffer.from([0x1a, 0x45, 0xdf, 0xa3]));
// Text is text when it has no NUL byte; a UTF-16 file (which has them) is refused, not mangled.
const text = (head: Buffer) => head.length > 0 && !head.includes(0);

const TYPES: TFileType[] = [
  {
    mimeType: 'image/jpeg',
    ext: 'jpg',
    kind: 'image',
    matches: (h) => h.subarray(0, 3).equals(Buffer.from([0xff, 0xd8, 0xff])),
  },
  { mimeType: 'image/png', ext: 'png', kind: 'image', matches: (h) => startsWith(h, '\x89PNG\r\n\x1a\n') },
  { mimeType: 'image/webp', ext: 'webp', kind: 'image', matches: riff('WEBP') },
  // Vectorized results. Stored as they are; downloads carry a sandbox CSP, so a script inside never runs.
  {
    mimeType: 'image/svg+xml',
    ext: 'svg',
    kind: 'image',
    matches: (h) => text(h) && /<svg[\s>]/i.test(h.toString('utf8')),
  },
  { mimeType: 'video/mp4', ext: 'mp4', kind: 'video', matches: isoBox('ftyp') },
  {
    mimeType: 'video/quicktime',
    ext: 'mov',
    kind: 'video',
    matches: isoBox('ftyp', 'moov', 'mdat', 'wide', 'free'),
  },
  { mimeType: 'video/webm', ext: 'webm', kind: 'video', matches: ebml },
  {
    mimeType: 'audio/mpeg',
    ext: 'mp3',
    kind: 'audio',
    matches: (h) => startsWith(h, 'ID3') || (h[0] === 0xff && ((h[1] ?? 0) & 0xe0) === 0xe0),
  },
  { mimeType: 'audio/mp4', ext: 'm4a', kind: 'audio', matches: isoBox('ftyp') },
  { mimeType: 'audio/ogg', ext: 'ogg', kind: 'audio', matches: (h) => startsWith(h, 'OggS') },
  { mimeType: 'audio/wav', ext: 'wav', kind: 'audio', matches: riff('WAVE') },
  { mimeType: 'audio/flac', ext: 'flac', kind: 'audio', matches: (h) => startsWith(h, 'fLaC') },
  { mimeType: 'audio/webm', ext: 'weba', kind: 'audio', matches: ebml },
  { mimeType: 'application/pdf', ext: 'pdf', kind: 'document', matches: (h) => startsWith(h, '%PDF-') },
  {
    mimeType: 'application/zip',
    ext: 'zip',
    kind: 'document',
    matches: (h) => startsWith(h, 'PK\x03\x04') || startsWith(h, 'PK\x05\x06'),
  },
  { mimeType: 'text/plain', ext: 'txt', kind: 'document', matches: text },
  { mimeType: 'text/csv', ext: 'csv', kind: 'document', matches: text },
  {
    mimeType: 'application/json',
    ext: 'json',
    kind: 'document',
    matches: (h) => text(h) && /^\s*[[{]/.test(h.toString('utf8')),
  },
];

/** Names browsers and providers use for the same types. */
const ALIASES: Record<string, string> = {
  'image/jpg': 'image/jpeg',
  'image/pjpeg': 'image/jpeg',
  'audio/mp3': 'audio/mpeg',
  'audio/x-wav': 'audio/wav',
  'audio/wave': 'audio/wav',
  'audio/x-m4a': 'audio/mp4',
  'audio/m4a': 'audio/mp4',
  'audio/x-flac': 'audio/flac',
  'application/x-zip-compressed': 'application/zip',
};

const BY_MIME = new Map(TYPES.map((type) => [type.mimeType, type]));
const BY_EXT = new Map(TYPES.map((type) => [type.ext, type]));

/** `Image/JPEG; charset=…` → `image/jpeg`, aliases resolved. */
export function normalizeMimeType(mimeType: string): string {
  const bare = (mimeType.split(';')[0] ?? '').trim().toLowerCase();
  return ALIASES[bare] ?? bare;
}

export const fileTypeOf = (mimeType: string): TFileType | undefined =>
  BY_MIME.get(normalizeMimeType(mimeType));

/** The type of a stored key by its extension (a kept original's type is not in its row). */
export const fileTypeOfKey = (key: string): TFileType | undefined => BY_EXT.get(key.split('.').at(-1) ?? '');

/**
 * Every accepted type the first bytes of a file fit (see `matches`), most specific first: an MP4 fits
 * video/mp4, video/quicktime and audio/mp4 alike, and any text fits text/plain.
 */
export const fileTypesMatching = (head: Buffer): TFileType[] => TYPES.filter((type) => type.matches(head));

/** What a file of this type is stored as when the caller does not say (an upload from the Mini App). */
export const kindOfMimeType = (mimeType: string): TFileType['kind'] | undefined => fileTypeOf(mimeType)?.kind;

/** Raster images are re-encoded on save; everything else is stored byte for byte. */
export const isRasterImage = (type: TFileType) =>
  type.mimeType === 'image/jpeg' || type.mimeType === 'image/png' || type.mimeType === 'image/webp';
