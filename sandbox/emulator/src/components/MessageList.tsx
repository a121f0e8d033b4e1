import { useLayoutEffect, useRef } from 'react';
import type { ChatMessage } from '../../../telegram/types.ts';
import { Message, type TMessageProps } from './Message.tsx';
import { ServiceMessage } from './ServiceMessage.tsx';

type TShared = Omit<TMessageProps, 'message' | 'outgoing' | 'showSender' | 'replyTo' | 'paid'>;

/** How close to the bottom (px) still counts as "reading the newest", so new messages scroll into view. */
const STICK_TO_BOTTOM_PX = 120;

export function MessageList(
  props: TShared & {
    messages: ChatMessage[];
    userId: number;
    isGroup: boolean;
    botTitle: string;
    paidInvoiceIds: readonly number[];
  },
) {
  const scroller = useRef<HTMLDivElement>(null);
  const last = props.messages.at(-1);
  const lastKey = last ? `${last.message_id}:${last.revision}` : '';
  // biome-ignore lint/correctness/useExhaustiveDependencies: scrolls when the newest message changes, as Telegram does.
  useLayoutEffect(() => {
    const element = scroller.current;
    if (!element) return;
    const nearBottom = element.scrollHeight - element.scrollTop - element.clientHeight < STICK_TO_BOTTOM_PX;
    if (nearBottom || last?.sender === 'user') element.scrollTop = element.scrollHeight;
  }, [lastKey]);

  const byId = new Map(props.messages.map((message) => [message.message_id, message]));
  const { messages, userId, isGroup, botTitle, paidInvoiceIds, ...shared } = props;
  return (
    <div className="message-list" ref={scroller} data-testid="message-list">
      {messages.length === 0 ? <div className="empty-chat">No messages here yet. Try /start.</div> : null}
      {messages.map((message) => {
        if (message.successful_payment || message.refunded_payment)
          return <ServiceMessage key={message.message_id} message={message} botTitle={botTitle} />;
        const outgoing = message.sender === 'user' && message.from.id === userId;
        return (
          <Message
            key={message.message_id}
            {...shared}
            message={message}
            outgoing={outgoing}
            showSender={isGroup && !outgoing}
            replyTo={
              message.reply_to_message_id === undefined ? undefined : byId.get(message.reply_to_message_id)
            }
            paid={paidInvoiceIds.includes(message.message_id)}
          />
        );
      })}
    </div>
  );
}
