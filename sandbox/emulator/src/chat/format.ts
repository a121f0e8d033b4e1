import type { ChatMessage } from '../../../telegram/types.ts';

export const clockTime = (unix: number): string =>
  new Date(unix * 1000).toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' });

/** Stars are whole numbers; other currencies are in minor units with the currency's own exponent. */
export function formatPrice(amount: number, currency: string): string {
  if (currency === 'XTR') return `⭐️ ${amount}`;
  const format = new Intl.NumberFormat('en', { style: 'currency', currency });
  return format.format(amount / 10 ** (format.resolvedOptions().maximumFractionDigits ?? 2));
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

export function formatDuration(seconds: number): string {
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}

/** One line for the chat list and reply quotes. */
export function previewText(message: ChatMessage): string {
  if (message.text) return message.text;
  if (message.invoice) return `Invoice: ${message.invoice.title}`;
  if (message.successful_payment) return 'Payment sent';
  if (message.refunded_payment) return 'Payment refunded';
  if (message.contact) return `Contact: ${message.contact.first_name}`;
  const label = message.media
    ? {
        photo: 'Photo',
        video: 'Video',
        audio: 'Audio',
        voice: 'Voice message',
        document: message.media.file_name ?? 'File',
      }[message.media.kind]
    : 'Message';
  return message.caption ? `${label}, ${message.caption}` : label;
}

/** What Telegram shows under a chat's name while the bot's chat action lasts. */
export function chatActionText(action: string): string {
  const texts: Record<string, string> = {
    typing: 'typing…',
    upload_photo: 'sending a photo…',
    record_video: 'recording a video…',
    upload_video: 'sending a video…',
    record_voice: 'recording a voice message…',
    upload_voice: 'sending a voice message…',
    upload_document: 'sending a file…',
    choose_sticker: 'choosing a sticker…',
    find_location: 'finding a location…',
    record_video_note: 'recording a video message…',
    upload_video_note: 'sending a video message…',
  };
  return texts[action] ?? `${action}…`;
}
