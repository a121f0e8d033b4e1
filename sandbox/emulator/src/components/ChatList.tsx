import type { TChatRef } from '../chat/chat-ref.ts';
import type { TChatState } from '../chat/chats-reducer.ts';
import { chatActionText, clockTime, previewText } from '../chat/format.ts';
import { useClientStrings } from '../client-strings-context.tsx';
import { Avatar } from './Avatar.tsx';

export interface TChatListItem {
  key: string;
  ref: TChatRef;
  title: string;
  /** For the avatar colour: the bot's or group's id. */
  avatarId: number;
  chat: TChatState | undefined;
}

export function ChatList(props: {
  items: TChatListItem[];
  openKey: string | undefined;
  onOpen: (key: string) => void;
}) {
  const strings = useClientStrings();
  return (
    <nav className="chat-list" aria-label={strings.chat.chats}>
      {props.items.map((item) => {
        const last = item.chat?.messages.at(-1);
        const action = item.chat?.action;
        return (
          <button
            key={item.key}
            type="button"
            className={item.key === props.openKey ? 'chat-list-item active' : 'chat-list-item'}
            data-testid={`chat-${item.ref.kind === 'group' ? 'support' : item.ref.bot}`}
            onClick={() => props.onOpen(item.key)}
          >
            <Avatar id={item.avatarId} name={item.title} size={48} />
            <span className="chat-list-text">
              <span className="chat-list-top">
                <span className="chat-list-title">{item.title}</span>
                {last ? (
                  <span className="chat-list-time">{clockTime(last.edit_date ?? last.date)}</span>
                ) : null}
              </span>
              <span className="chat-list-bottom">
                <span className={action ? 'chat-list-preview typing' : 'chat-list-preview'}>
                  {action
                    ? chatActionText(action.name, strings)
                    : last
                      ? previewText(last, strings)
                      : item.ref.kind === 'group'
                        ? strings.chat.group
                        : strings.chat.bot}
                </span>
                {item.chat && item.chat.unread > 0 ? <span className="badge">{item.chat.unread}</span> : null}
              </span>
            </span>
          </button>
        );
      })}
    </nav>
  );
}
