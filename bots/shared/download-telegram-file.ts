import type { Api } from 'grammy';
import { AppError } from '#core/errors/app-error.ts';

/** "Bots can download files of up to 20MB in size" (Bot API, getFile). */
const TELEGRAM_DOWNLOAD_MAX_BYTES = 20 * 1024 * 1024;

/**
 * The bytes of a file a bot received: getFile, then the Bot API's file URL
 * (`<api root>/file/bot<token>/<file_path>`) of the same root the bot talks to, so a local Bot API serves it
 * too. File ids belong to the bot that received the file, hence that bot's `Api`. Telegram keeps a file id
 * usable for at least an hour.
 */
export async function downloadTelegramFile(
  api: Pick<Api, 'getFile' | 'token'>,
  opts: { apiRoot: string; fileId: string },
): Promise<{ bytes: Buffer; fileName: string }> {
  const file = await api.getFile(opts.fileId);
  if (!file.file_path) throw new AppError('NOT_FOUND', { fileId: opts.fileId });
  if ((file.file_size ?? 0) > TELEGRAM_DOWNLOAD_MAX_BYTES)
    throw new AppError('FILE_TOO_LARGE', { limitMb: 20 });
  const root = opts.apiRoot.replace(/\/+$/, '');
  const response = await fetch(`${root}/file/bot${api.token}/${file.file_path}`, {
    signal: AbortSignal.timeout(60_000),
  });
  if (!response.ok) throw new Error(`file download failed: HTTP ${response.status}`);
  return {
    bytes: Buffer.from(await response.arrayBuffer()),
    fileName: file.file_path.split('/').pop() || 'file',
  };
}
