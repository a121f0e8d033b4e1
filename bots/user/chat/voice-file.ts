import type { Api } from 'grammy';
import { AppError } from '../../../core/errors/app-error.ts';

/** "Bots can download files of up to 20MB in size" (Bot API, getFile). */
export const TELEGRAM_DOWNLOAD_MAX = 20 * 1024 * 1024;

/**
 * The bytes of a file a user sent: getFile, then the Bot API's file URL (`<api root>/file/bot<token>/<path>`),
 * the same root the bot talks to, so a local Bot API server serves it too.
 */
export async function downloadTelegramFile(
  api: Pick<Api, 'getFile' | 'token'>,
  apiRoot: string,
  fileId: string,
): Promise<{ bytes: Buffer; fileName: string }> {
  const file = await api.getFile(fileId);
  if (!file.file_path) throw new Error(`getFile returned no file_path for ${fileId}`);
  if ((file.file_size ?? 0) > TELEGRAM_DOWNLOAD_MAX) throw new AppError('FILE_TOO_LARGE', { limitMb: 20 });
  const response = await fetch(`${apiRoot.replace(/\/+$/, '')}/file/bot${api.token}/${file.file_path}`);
  if (!response.ok) throw new Error(`file download failed: HTTP ${response.status}`);
  const bytes = Buffer.from(await response.arrayBuffer());
  return { bytes, fileName: file.file_path.split('/').pop() || 'voice.ogg' };
}
