import { styleText } from 'node:util';
import type {
  ChatMessage,
  InlineKeyboardButton,
  MessageEntity,
  MessageOrigin,
} from '#sandbox/telegram/types.ts';

type TStyle = Parameters<typeof styleText>[0];

export interface RenderOptions {
  /** ANSI colours; off when output is not a terminal or NO_COLOR is set. */
  color: boolean;
  /** The message changed after it was first shown. */
  edited?: boolean;
}

/** Inline buttons in reading order: the numbers `:press <n>` takes are positions in this list, from 1. */
export function inlineButtons(message: ChatMessage): InlineKeyboardButton[] {
  const markup = message.reply_markup;
  return markup && 'inline_keyboard' in markup ? markup.inline_keyboard.flat() : [];
}

/** Telegram shows a text_link as plain text; a terminal cannot click it, so the URL is written after it. */
export function withLinkTargets(text: string, entities: readonly MessageEntity[] = []): string {
  const links = entities
    .filter((entity): entity is MessageEntity.TextLinkMessageEntity => entity.type === 'text_link')
    .sort((a, b) => b.offset + b.length - (a.offset + a.length));
  let out = text;
  for (const link of links) {
    const end = link.offset + link.length;
    out = `${out.slice(0, end)} <${link.url}>${out.slice(end)}`;
  }
  return out;
}

function originName(origin: MessageOrigin): string {
  switch (origin.type) {
    case 'user':
      return origin.sender_user.first_name;
    case 'hidden_user':
      return origin.sender_user_name;
    case 'chat':
      return origin.sender_chat.title ?? 'a chat';
    case 'channel':
      return origin.chat.title ?? 'a channel';
  }
}

function buttonLabel(button: InlineKeyboardButton, n: number): string {
  if ('url' in button && button.url) return `[${n}] ${button.text} → ${button.url}`;
  if ('web_app' in button && button.web_app) return `[${n}] ${button.text} (Mini App)`;
  return `[${n}] ${button.text}`;
}

function body(message: ChatMessage): string {
  const parts: string[] = [];
  if (message.media)
    parts.push(`[${message.media.kind}${message.media.file_name ? `: ${message.media.file_name}` : ''}]`);
  if (message.contact) parts.push(`[contact: ${message.contact.first_name} ${message.contact.phone_number}]`);
  if (message.text !== undefined) parts.push(withLinkTargets(message.text, message.entities));
  if (message.caption !== undefined) parts.push(withLinkTargets(message.caption, message.caption_entities));
  return parts.join('\n');
}

const time = (unix: number) => new Date(unix * 1000).toTimeString().slice(0, 8);

/**
 * One message as a block of terminal lines: a header (sender, message id for `:reply`, time, flags), the
 * text, and the buttons numbered row by row.
 */
export function renderMessage(message: ChatMessage, opts: RenderOptions): string {
  const paint = (style: TStyle, text: string) => (opts.color ? styleText(style, text) : text);
  const flags = [
    message.forward_origin ? `forwarded from ${originName(message.forward_origin)}` : '',
    message.reply_to_message_id !== undefined ? `reply to #${message.reply_to_message_id}` : '',
    opts.edited || message.edited > 0 ? 'edited' : '',
    message.deleted ? 'deleted' : '',
  ].filter(Boolean);
  const header =
    paint(message.sender === 'bot' ? ['bold', 'cyan'] : ['bold', 'green'], message.from.first_name) +
    paint('dim', ` #${message.message_id} ${time(message.edit_date ?? message.date)}`) +
    (flags.length > 0 ? paint('yellow', ` (${flags.join(', ')})`) : '');
  const lines = [
    header,
    ...body(message)
      .split('\n')
      .map((line) => (line === '' ? '' : `  ${line}`)),
  ];

  const markup = message.reply_markup;
  if (markup && 'inline_keyboard' in markup) {
    let n = 0;
    for (const row of markup.inline_keyboard)
      lines.push(`  ${row.map((button) => paint('magenta', buttonLabel(button, ++n))).join('   ')}`);
  } else if (markup && 'keyboard' in markup) {
    // Reply-keyboard buttons send their label as text: type it.
    for (const row of markup.keyboard)
      lines.push(
        `  ${row.map((b) => paint('magenta', `⌨ ${typeof b === 'string' ? b : b.text}`)).join('   ')}`,
      );
  }
  return lines.join('\n');
}

/** The first line of a message, shortened: for notices about chats other than the one on screen. */
export function previewOf(message: ChatMessage, max = 70): string {
  const first = (
    body(message)
      .split('\n')
      .find((line) => line.trim() !== '') ?? ''
  ).trim();
  return first.length > max ? `$first.slice(0, max - 1)…` : first;
}
