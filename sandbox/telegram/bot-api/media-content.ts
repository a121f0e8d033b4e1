import type { MessageContent } from '#sandbox/telegram/state/conversation.ts';
import type { StoredFile } from '#sandbox/telegram/state/file-store.ts';
import type { MediaInfo } from '#sandbox/telegram/types.ts';

/** Extra attributes a send method may declare for its media. */
export interface MediaAttributes {
  duration?: number;
  width?: number;
  height?: number;
  performer?: string;
  title?: string;
}

/**
 * The Bot API object for a stored file inside a message (`photo`,
 * `document`, …).
 *
 * Simplification: Telegram re-encodes photos and returns several
 * PhotoSize thumbnails; here the original upload is the single size.
 */
export function mediaContent(file: StoredFile, attributes: MediaAttributes = {}): MessageContent {
  const base = { file_id: file.fileId, file_unique_id: file.fileUniqueId, file_size: file.bytes.length };
  const named = {
    ...(file.fileName !== undefined ? { file_name: file.fileName } : {}),
    ...(file.mimeType !== undefined ? { mime_type: file.mimeType } : {}),
  };
  const duration = attributes.duration ?? 0;
  switch (file.kind) {
    case 'photo':
      return { photo: [{ ...base, width: file.width ?? 0, height: file.height ?? 0 }] };
    case 'document':
      return { document: { ...base, ...named } };
    case 'audio':
      return {
        audio: {
          ...base,
          ...named,
          duration,
          ...(attributes.performer !== undefined ? { performer: attributes.performer } : {}),
          ...(attributes.title !== undefined ? { title: attributes.title } : {}),
        },
      };
    case 'video':
      return {
        video: { ...base, ...named, duration, width: attributes.width ?? 0, height: attributes.height ?? 0 },
      };
    case 'voice':
      return { voice: { ...base, duration, mime_type: file.mimeType ?? 'audio/ogg' } };
  }
}

export function mediaInfo(file: StoredFile, attributes: MediaAttributes = {}): MediaInfo {
  const width = file.width ?? attributes.width;
  const height = file.height ?? attributes.height;
  return {
    kind: file.kind,
    file_id: file.fileId,
    file_unique_id: file.fileUniqueId,
    file_size: file.bytes.length,
    ...(file.fileName !== undefined ? { file_name: file.fileName } : {}),
    ...(file.mimeType !== undefined ? { mime_type: file.mimeType } : {}),
    ...(width !== undefined ? { width } : {}),
    ...(height !== undefined ? { height } : {}),
    ...(attributes.duration !== undefined ? { duration: attributes.duration } : {}),
  };
}
