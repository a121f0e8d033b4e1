import type { ChatMessage } from '#sandbox/telegram/types.ts';
import type { StoredMessage } from './conversation.ts';

/** The control API's flattened view of a stored message. */
export function toChatMessage(stored: StoredMessage): ChatMessage {
  const { message } = stored;
  const view: ChatMessage = {
    message_id: message.message_id,
    chat_id: message.chat.id,
    date: message.date,
    sender: stored.senderBotId === undefined ? 'user' : 'bot',
    from: message.from,
    edited: stored.edited,
    deleted: stored.deleted,
    revision: stored.revision,
    message,
  };
  if (message.text !== undefined) view.text = message.text;
  if (message.entities) view.entities = message.entities;
  if (message.caption !== undefined) view.caption = message.caption;
  if (message.caption_entities) view.caption_entities = message.caption_entities;
  if (stored.replyMarkup) view.reply_markup = stored.replyMarkup;
  if (message.reply_to_message) view.reply_to_message_id = message.reply_to_message.message_id;
  if (stored.media) view.media = stored.media;
  if (message.contact) view.contact = message.contact;
  if (message.forward_origin) view.forward_origin = message.forward_origin;
  if (message.invoice) view.invoice = message.invoice;
  if (message.successful_payment) view.successful_payment = message.successful_payment;
  if (message.refunded_payment) view.refunded_payment = message.refunded_payment;
  if (message.edit_date !== undefined) view.edit_date = message.edit_date;
  return view;
}
