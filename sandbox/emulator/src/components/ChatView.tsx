import { useEffect, useState } from 'react';
import type { BotChatProfile, ChatMessage } from '../../../telegram/types.ts';
import type { TMediaKind } from '../../contract/host-api.ts';
import { hostApi } from '../api/host-client.ts';
import { chatIdOf } from '../chat/chat-ref.ts';
import { chatActionText } from '../chat/format.ts';
import { activeReplyKeyboard, forcedReplyTarget } from '../chat/reply-keyboard.ts';
import type { useChatActions } from '../chat/use-chat-actions.ts';
import { useClientStrings } from '../client-strings-context.tsx';
import { Avatar } from './Avatar.tsx';
import type { TChatListItem } from './ChatList.tsx';
import { Composer } from './Composer.tsx';
import { MessageList } from './MessageList.tsx';

type TActions = ReturnType<typeof useChatActions>;

/** The open chat: header (with the bot's chat action), messages and the composer. */
export function ChatView(props: {
  item: TChatListItem;
  userId: number;
  actions: TActions;
  onOpenMiniApp: (bot: string, url: string | undefined) => void;
  onMention: (username: string) => void;
}) {
  const { item, userId, actions } = props;
  const { ref } = item;
  const messages = item.chat?.messages ?? [];
  const [replyTo, setReplyTo] = useState<ChatMessage>();
  const [profile, setProfile] = useState<BotChatProfile>();
  const chatId = chatIdOf(ref);
  const strings = useClientStrings();

  useEffect(() => {
    setProfile(undefined);
    hostApi.botProfile(ref.bot, chatId, userId).then(setProfile, () => setProfile(undefined));
  }, [ref.bot, chatId, userId]);

  const forced = forcedReplyTarget(messages);
  const reply = replyTo ?? forced?.message;
  const keyboard = activeReplyKeyboard(messages);
  const placeholder = forced?.markup.input_field_placeholder ?? keyboard?.markup.input_field_placeholder;
  const sent = () => setReplyTo(undefined);

  return (
    <main className="chat" data-testid="chat-view">
      <header className="chat-header">
        <Avatar id={item.avatarId} name={item.title} size={40} />
        <div className="chat-header-text">
          <div className="chat-title" data-testid="chat-title">
            {item.title}
          </div>
          <div className={item.chat?.action ? 'chat-status typing' : 'chat-status'} data-testid="chat-status">
            {item.chat?.action
              ? chatActionText(item.chat.action.name, strings)
              : ref.kind === 'group'
                ? strings.chat.group
                : strings.chat.bot}
          </div>
        </div>
      </header>
      <MessageList
        messages={messages}
        userId={userId}
        isGroup={ref.kind === 'group'}
        bot={ref.bot}
        botTitle={item.title}
        paidInvoiceIds={item.chat?.paidInvoiceIds ?? []}
        pending={actions.pending}
        entityActions={{ onCommand: (command) => actions.sendText(ref, command), onMention: props.onMention }}
        onPress={(message, action, button) => void actions.press(ref, message, action, button)}
        onPay={(message) => void actions.press(ref, message, { kind: 'pay' }, { text: 'Pay', pay: true })}
        onReply={setReplyTo}
      />
      <Composer
        key={item.key}
        profile={profile}
        replyTo={reply}
        onCancelReply={() => setReplyTo(undefined)}
        keyboard={keyboard}
        placeholder={placeholder}
        onSendText={(text) => {
          actions.sendText(ref, text, reply);
          sent();
        }}
        onSendFile={(kind: TMediaKind, file, caption) => {
          void actions.sendFile(ref, kind, file, caption, reply);
          sent();
        }}
        onReplyButton={(action) => actions.replyButton(ref, action)}
        onMenuApp={(url) => props.onOpenMiniApp(ref.bot, url)}
      />
    </main>
  );
}
