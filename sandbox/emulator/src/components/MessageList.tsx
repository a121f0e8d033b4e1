import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { ChatMessage } from '../../../telegram/types.ts';
import { useClientStrings } from '../client-strings-context.tsx';
import { Message, type TMessageProps } from './Message.tsx';
import { ServiceMessage } from './ServiceMessage.tsx';

type TShared = Omit<TMessageProps, 'message' | 'outgoing' | 'showSender' | 'replyTo' | 'paid'>;

/** How close to the bottom (px) still counts as "reading the newest", so new messages scroll into view. */
const STICK_TO_BOTTOM_PX = 120;

const distanceFromBottom = (element: HTMLElement) =>
  element.scrollHeight - element.scrollTop - element.clientHeight;

/**
 * Follows the newest message as Telegram clients do: a new message scrolls into view when the person was
 * reading the bottom of the chat, and always when they sent it; otherwise the place they are reading stays
 * and a "↓ new messages" button counts what arrived below.
 */
function useFollowNewest(messages: ChatMessage[], userId: number) {
  const scroller = useRef<HTMLDivElement>(null);
  const content = useRef<HTMLDivElement>(null);
  // Where the person was before the latest render: only their scrolling changes it, never the new
  // message itself (whose height would otherwise push a tall answer "away from the bottom").
  const pinned = useRef(true);
  const newestId = useRef<number | undefined>(undefined);
  const [away, setAway] = useState(false);
  const [unseen, setUnseen] = useState(0);

  const scrollToNewest = (behavior: ScrollBehavior = 'auto') => {
    const element = scroller.current;
    if (!element) return;
    pinned.current = true;
    setUnseen(0);
    element.scrollTo({ top: element.scrollHeight, behavior });
  };
  const onScroll = () => {
    const element = scroller.current;
    if (!element) return;
    const near = distanceFromBottom(element) < STICK_TO_BOTTOM_PX;
    pinned.current = near;
    setAway(!near);
    if (near) setUnseen(0);
  };

  const last = messages.at(-1);
  const lastKey = last ? `${last.message_id}:${last.revision}` : '';
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when the newest message (or its edit) changes.
  useLayoutEffect(() => {
    if (!last) return;
    const before = newestId.current;
    newestId.current = last.message_id;
    const sentByMe = last.sender === 'user' && last.from.id === userId;
    if (pinned.current || (sentByMe && last.message_id !== before)) {
      scrollToNewest();
      return;
    }
    if (before !== undefined && last.message_id > before)
      setUnseen((count) => count + messages.filter((message) => message.message_id > before).length);
  }, [lastKey]);

  // Pictures load and keyboards fold after a message is shown: whoever was at the bottom stays there.
  useEffect(() => {
    const observer = new ResizeObserver(() => {
      const element = scroller.current;
      if (element && pinned.current) element.scrollTop = element.scrollHeight;
    });
    for (const element of [scroller.current, content.current]) if (element) observer.observe(element);
    return () => observer.disconnect();
  }, []);

  return { scroller, content, onScroll, away, unseen, scrollToNewest };
}

export function MessageList(
  props: TShared & {
    messages: ChatMessage[];
    userId: number;
    isGroup: boolean;
    botTitle: string;
    paidInvoiceIds: readonly number[];
  },
) {
  const follow = useFollowNewest(props.messages, props.userId);
  const strings = useClientStrings();
  const byId = new Map(props.messages.map((message) => [message.message_id, message]));
  const { messages, userId, isGroup, botTitle, paidInvoiceIds, ...shared } = props;
  return (
    <div className="message-pane">
      <div
        className="message-list"
        ref={follow.scroller}
        onScroll={follow.onScroll}
        data-testid="message-list"
      >
        <div className="message-list-content" ref={follow.content}>
          {messages.length === 0 ? <div className="empty-chat">{strings.chat.empty}</div> : null}
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
                  message.reply_to_message_id === undefined
                    ? undefined
                    : byId.get(message.reply_to_message_id)
                }
                paid={paidInvoiceIds.includes(message.message_id)}
              />
            );
          })}
        </div>
      </div>
      {follow.away ? (
        <button
          type="button"
          className={follow.unseen > 0 ? 'scroll-to-newest has-unseen' : 'scroll-to-newest'}
          data-testid="scroll-to-newest"
          title={strings.chat.goToNewest}
          onClick={() => follow.scrollToNewest('smooth')}
        >
          ↓{follow.unseen > 0 ? ` ${strings.chat.newMessages(follow.unseen)}` : ''}
        </button>
      ) : null}
    </div>
  );
}
