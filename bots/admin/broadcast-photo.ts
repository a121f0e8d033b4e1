import { Api, InputFile } from 'grammy';
import { downloadTelegramFile } from '#bots/shared/download-telegram-file.ts';
import type { TEnv } from '#core/config/env.ts';

/**
 * Telegram file ids belong to the bot that received the file: the admin bot's id for a photo means nothing to
 * the user bot, which sends the broadcast. The user bot uploads the photo once, into its own chat with the
 * admin (a message deleted right away), and the broadcast reuses the user bot's file id for every recipient.
 * Needs the admin to have started the user bot, as staff have (their account comes from its signup).
 */
export async function photoForUserBot(
  config: Pick<TEnv, 'TELEGRAM_API_ROOT' | 'BOT_TOKEN' | 'ADMIN_BOT_TOKEN'>,
  adminApi: Api,
  opts: { adminFileId: string; adminChatId: number },
): Promise<string> {
  const { bytes } = await downloadTelegramFile(adminApi, {
    apiRoot: config.TELEGRAM_API_ROOT,
    fileId: opts.adminFileId,
  });
  const userApi = new Api(config.BOT_TOKEN, { apiRoot: config.TELEGRAM_API_ROOT });
  const carrier = await userApi.sendPhoto(opts.adminChatId, new InputFile(bytes, 'broadcast.jpg'), {
    disable_notification: true,
  });
  await userApi.deleteMessage(opts.adminChatId, carrier.message_id);
  const largest = carrier.photo.at(-1);
  if (!largest) throw new Error('the uploaded photo came back without sizes');
  return largest.file_id;
}
