import type { TFileKind } from '#core/files/file-keys.ts';

const EXTENSIONS: Record<string, string> = {
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/webp': 'webp',
  'image/gif': 'gif',
  'image/svg+xml': 'svg',
  'video/mp4': 'mp4',
  'video/webm': 'webm',
  'video/quicktime': 'mov',
  'audio/mpeg': 'mp3',
  'audio/mp3': 'mp3',
  'audio/wav': 'wav',
  'audio/x-wav': 'wav',
  'audio/ogg': 'ogg',
  'audio/aac': 'aac',
  'audio/flac': 'flac',
};

/** Providers label bytes loosely (`image/png; charset=binary`); the bare type decides. */
export const bareMimeType = (mimeType: string) => mimeType.split(';')[0]?.trim().toLowerCase() ?? '';

/** Which store folder a result goes to (an SVG is an image there; it is delivered as a document). */
export function resultFileKind(mimeType: string): TFileKind {
  const type = bareMimeType(mimeType);
  if (type.startsWith('image/')) return 'image';
  if (type.startsWith('video/')) return 'video';
  if (type.startsWith('audio/')) return 'audio';
  return 'document';
}

export function resultFileName(modelId: string, requestId: bigint, mimeType: string): string {
  return `${modelId}-${requestId}.${EXTENSIONS[bareMimeType(mimeType)] ?? 'bin'}`;
}
