import type { Api } from 'grammy';
import { AppError } from '../../../core/errors/app-error.ts';
import { fileTypeOf } from '../../../core/files/file-types.ts';

const PICTURE_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;

/**
 * What the bytes are, whatever the message said: Telegram re-encodes photos as JPEG, a picture sent as a file
 * keeps its own format, and a local Bot API keeps whatever was uploaded.
 */
export function pictureTypeOf(bytes: Buffer, declared: string): string {
  return PICTURE_TYPES.find((type) => fileTypeOf(type)?.matches(bytes.subarray(0, 4096))) ?? declared;
}

/** "Bots can download files of up to 20MB in size" (Bot API, getFile). */
const DOWNLOAD_MAX_BYTES = 20 * 1024 * 1024;

/**
 * A file the user sent, fetched from the Bot API's file endpoint (`<apiRoot>/file/bot<token>/<file_path>`,
 * the local Bot API serves the same path). Telegram keeps a file id usable for at least an hour.
 */
export async function downloadTelegramFile(
  api: Api,
  opts: { apiRoot: string; token: string; fileId: string },
): Promise<Buffer> {
  const file = await api.getFile(opts.fileId);
  if (!file.file_path) throw new AppError('NOT_FOUND', { fileId: opts.fileId });
  if ((file.file_size ?? 0) > DOWNLOAD_MAX_BYTES) throw new AppError('FILE_TOO_LARGE', { limitMb: 20 });
  const response = await fetch(`${opts.apiRoot}/file/bot${opts.token}/${file.file_path}`, {
    signal: AbortSignal.timeout(60_000),
  });
  if (!response.ok) throw new AppError('NOT_FOUND', { fileId: opts.fileId, status: response.status });
  return Buffer.from(await response.arrayBuffer());
}
