import type { ChatMessage } from '../../../telegram/types.ts';
import type { TClientStrings } from '../client-strings.ts';

export const clockTime = (unix: number): string =>
  new Date(unix * 1000).toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' });

/** Stars are whole numbers; other currencies are in minor units with the currency's own exponent. */
export function formatPrice(amount: number, currency: string, locale: string): string {
  if (currency === 'XTR') return `⭐️ ${amount}`;
  const format = new Intl.NumberFormat(locale, { style: 'currency', currency });
  return format.format(amount / 10 ** (format.resolvedOptions().maximumFractionDigits ?? 2));
}

export function formatBytes(bytes: number, strings: TClientStrings): string {
  const { units } = strings.media;
  if (bytes < 1024) return `${bytes} ${units.b}`;
  const oneDecimal = new Intl.NumberFormat(strings.locale, {
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  });
  if (bytes < 1024 * 1024) return `${oneDecimal.format(bytes / 1024)} ${units.kb}`;
  return `${oneDecimal.format(bytes / 1024 / 1024)} ${units.mb}`;
}

export function formatDuration(seconds: number): string {
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}

/** One line for the chat list and reply quotes. */
export function previewText(message: ChatMessage, strings: TClientStrings): string {
  const { preview, media } = strings;
  if (message.text) return message.text;
  if (message.invoice) return preview.invoice(message.invoice.title);
  if (message.successful_payment) return preview.paymentSent;
  if (message.refunded_payment) return preview.paymentRefunded;
  if (message.contact) return preview.contact(message.contact.first_name);
  const label = message.media
    ? message.media.kind === 'document'
      ? (message.media.file_name ?? media.kinds.document)
      : media.kinds[message.media.kind]
    : preview.message;
  return message.caption ? `${label}, ${message.caption}` : label;
}

/** What Telegram shows under a chat's name while the bot's chat action lasts. */
export function chatActionText(action: string, strings: TClientStrings): string {
  return Object.hasOwn(strings.actions, action)
    ? strings.actions[action as keyof TClientStrings['actions']]
    : `${action}…`;
}
