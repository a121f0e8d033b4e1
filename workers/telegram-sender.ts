import { type Api, GrammyError, InlineKeyboard } from 'grammy';
import { NotificationNotSent, type TDeliveryOutcome, type TNotifyJob } from '#core/notify/notify-job.ts';
import { wasNotSent } from './telegram-not-sent.ts';

function keyboard(job: TNotifyJob): InlineKeyboard | undefined {
  if (!job.buttons) return undefined;
  return InlineKeyboard.from(
    job.buttons.map((row) =>
      row.map((b) =>
        'url' in b
          ? InlineKeyboard.url(b.text, b.url)
          : 'webApp' in b
            ? InlineKeyboard.webApp(b.text, b.webApp)
            : InlineKeyboard.text(b.text, b.callbackData),
      ),
    ),
  );
}

/**
 * Sends one notification and turns Telegram's answer into a delivery outcome the domain understands; a send
 * that surely did not go out throws NotificationNotSent, so the journal lets a retry send it.
 */
export async function sendViaTelegram(api: Api, job: TNotifyJob): Promise<TDeliveryOutcome> {
  try {
    const message = job.photo
      ? await api.sendPhoto(job.chatId, job.photo, {
          caption: job.text || undefined,
          parse_mode: job.parseMode,
          reply_markup: keyboard(job),
        })
      : await api.sendMessage(job.chatId, job.text, {
          parse_mode: job.parseMode,
          reply_markup: keyboard(job),
          link_preview_options: { is_disabled: true },
        });
    return { kind: 'sent', messageId: message.message_id };
  } catch (error) {
    if (!(error instanceof GrammyError)) {
      if (wasNotSent(error)) throw new NotificationNotSent(String(error), { cause: error });
      throw error;
    }
    if (error.error_code === 429) return { kind: 'retry_after', seconds: error.parameters.retry_after ?? 1 };
    // 403: the user blocked the bot or deleted their account; either way nobody reads this chat any more.
    if (error.error_code === 403) return { kind: 'blocked' };
    if (error.error_code === 400 && /chat not found/i.test(error.description)) return { kind: 'chat_gone' };
    if (wasNotSent(error)) throw new NotificationNotSent(error.message, { cause: error });
    throw error;
  }
}
