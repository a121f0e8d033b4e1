import { fileTypeOf } from '#core/files/file-types.ts';

const PICTURE_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;

/**
 * What the bytes are, whatever the message said: Telegram re-encodes photos as JPEG, a picture sent as a file
 * keeps its own format, and a local Bot API keeps whatever was uploaded.
 */
export function pictureTypeOf(bytes: Buffer, declared: string): string {
  return PICTURE_TYPES.find((type) => fileTypeOf(type)?.matches(bytes.subarray(0, 4096))) ?? declared;
}
