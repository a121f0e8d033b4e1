import { randomBytes } from 'node:crypto';
import type { MediaKind } from '#sandbox/telegram/types.ts';

export interface StoredFile {
  fileId: string;
  fileUniqueId: string;
  kind: MediaKind;
  bytes: Buffer;
  /** Path under /file/bot<token>/, shaped like Telegram's ("photos/file_3.jpg"). */
  filePath: string;
  fileName?: string;
  mimeType?: string;
  width?: number;
  height?: number;
}

export interface NewFile {
  kind: MediaKind;
  bytes: Buffer;
  fileName?: string;
  mimeType?: string;
  width?: number;
  height?: number;
}

/**
 * Real file_ids start with a type-specific header; keeping similar prefixes
 * makes ids recognisable in logs. Directory names follow Telegram's file_path.
 */
const KIND_LAYOUT: Record<MediaKind, { prefix: string; dir: string; ext: string }> = {
  photo: { prefix: 'AgACAgIAAxkBAA', dir: 'photos', ext: 'jpg' },
  document: { prefix: 'BQACAgIAAxkBAA', dir: 'documents', ext: 'dat' },
  audio: { prefix: 'CQACAgIAAxkBAA', dir: 'music', ext: 'mp3' },
  video: { prefix: 'BAACAgIAAxkBAA', dir: 'videos', ext: 'mp4' },
  voice: { prefix: 'AwACAgIAAxkBAA', dir: 'voice', ext: 'oga' },
};

function extensionOf(fileName: string | undefined): string | undefined {
  const match = fileName ? /\.([a-zA-Z0-9]{1,8})$/.exec(fileName) : null;
  return match?.[1]?.toLowerCase();
}

/**
 * Uploaded bytes by file_id and by file_path.
 *
 * Simplification: Telegram's file_ids are valid only for the bot that
 * received them; here any bot may reuse any known file_id.
 */
export class FileStore {
  readonly #byId = new Map<string, StoredFile>();
  readonly #byPath = new Map<string, StoredFile>();
  #counter = 0;

  add(file: NewFile): StoredFile {
    const layout = KIND_LAYOUT[file.kind];
    const n = this.#counter++;
    const ext = file.kind === 'photo' ? 'jpg' : (extensionOf(file.fileName) ?? layout.ext);
    const stored: StoredFile = {
      ...file,
      fileId: `${layout.prefix}${randomBytes(24).toString('base64url')}`,
      fileUniqueId: `AQAD${randomBytes(9).toString('base64url')}`,
      filePath: `${layout.dir}/file_${n}.${ext}`,
    };
    this.#byId.set(stored.fileId, stored);
    this.#byPath.set(stored.filePath, stored);
    return stored;
  }

  get(fileId: string): StoredFile | undefined {
    return this.#byId.get(fileId);
  }

  getByPath(filePath: string): StoredFile | undefined {
    return this.#byPath.get(filePath);
  }
}
