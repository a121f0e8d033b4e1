import type { ChatMessage, InlineKeyboardButton, MessageOrigin } from '../../../telegram/types.ts';
import { clockTime, previewText } from '../chat/format.ts';
import type { TClientStrings } from '../client-strings.ts';
import { useClientStrings } from '../client-strings-context.tsx';
import { EntityText, type TEntityActions } from './entities-to-react.tsx';
import { InvoiceCard } from './InvoiceCard.tsx';
import { ReplyIcon } from './icons.tsx';
import { Keyboard, type TInlineAction } from './Keyboard.tsx';
import { MessageMedia } from './MessageMedia.tsx';

export interface TMessageProps {
  message: ChatMessage;
  /** The bot whose chat this is: files are fetched through it. */
  bot: string;
  outgoing: boolean;
  /** Groups show who wrote each message that is not one's own. */
  showSender: boolean;
  replyTo: ChatMessage | undefined;
  paid: boolean;
  pending: ReadonlySet<string>;
  entityActions: TEntityActions;
  onPress: (message: ChatMessage, action: TInlineAction, button: InlineKeyboardButton) => void;
  onPay: (message: ChatMessage) => void;
  onReply: (message: ChatMessage) => void;
}

function originName(origin: MessageOrigin, strings: TClientStrings): string {
  switch (origin.type) {
    case 'user':
      return origin.sender_user.first_name;
    case 'hidden_user':
      return origin.sender_user_name;
    case 'chat':
      return origin.sender_chat.title ?? strings.chat.someChat;
    case 'channel':
      return origin.chat.title ?? strings.chat.someChannel;
  }
}

function payButtonLabel(message: ChatMessage): string | undefined {
  const markup = message.reply_markup;
  if (!markup || !('inline_keyboard' in markup)) return undefined;
  return markup.inline_keyboard.flat().find((button) => 'pay' in button && button.pay)?.text;
}

/** One message: its bubble (text with entities, media, invoice, quote of the replied message) and buttons. */
export function Message(props: TMessageProps) {
  const { message } = props;
  const markup = message.reply_markup;
  const strings = useClientStrings();
  return (
    <div
      className={props.outgoing ? 'message out' : 'message in'}
      data-testid="message"
      data-message-id={message.message_id}
      data-sender={message.sender}
    >
      <div className={message.invoice ? 'bubble bubble-invoice' : 'bubble'}>
        {props.showSender ? <div className="sender-name">{message.from.first_name}</div> : null}
        {message.forward_origin ? (
          <div className="forwarded">
            {strings.chat.forwardedFrom(originName(message.forward_origin, strings))}
          </div>
        ) : null}
        {props.replyTo ? (
          <div className="reply-quote">
            <span className="reply-quote-name">{props.replyTo.from.first_name}</span>
            <span className="reply-quote-text">{previewText(props.replyTo, strings)}</span>
          </div>
        ) : null}
        {message.media ? <MessageMedia bot={props.bot} media={message.media} /> : null}
        {message.contact ? (
          <div className="contact">
            👤 {message.contact.first_name} {message.contact.last_name ?? ''} · {message.contact.phone_number}
          </div>
        ) : null}
        {message.invoice ? (
          <InvoiceCard
            invoice={message.invoice}
            paid={props.paid}
            payLabel={payButtonLabel(message)}
            onPay={() => props.onPay(message)}
          />
        ) : null}
        {message.text !== undefined ? (
          <EntityText text={message.text} entities={message.entities} actions={props.entityActions} />
        ) : null}
        {message.caption !== undefined ? (
          <EntityText
            text={message.caption}
            entities={message.caption_entities}
            actions={props.entityActions}
          />
        ) : null}
        <span className="meta">
          {message.edited > 0 ? <span className="edited">{strings.chat.edited}</span> : null}
          <span className="time">{clockTime(message.date)}</span>
        </span>
        <button
          type="button"
          className="reply-action"
          title={strings.chat.reply}
          onClick={() => props.onReply(message)}
        >
          <ReplyIcon />
        </button>
      </div>
      {markup && 'inline_keyboard' in markup ? (
        <Keyboard
          markup={markup}
          pending={props.pending}
          messageId={message.message_id}
          onPress={(action, button) => props.onPress(message, action, button)}
        />
      ) : null}
    </div>
  );
}
