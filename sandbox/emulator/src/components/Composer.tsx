import { type KeyboardEvent, useEffect, useRef, useState } from 'react';
import type { BotChatProfile, ChatMessage, ReplyKeyboardMarkup } from '../../../telegram/types.ts';
import type { TMediaKind } from '../../contract/host-api.ts';
import { previewText } from '../chat/format.ts';
import { Parts, useClientStrings } from '../client-strings-context.tsx';
import { AttachIcon, CloseIcon, KeyboardIcon, SendIcon } from './icons.tsx';
import { ReplyKeyboard, type TReplyAction } from './ReplyKeyboard.tsx';

const ATTACH: { kind: TMediaKind; accept: string }[] = [
  { kind: 'photo', accept: 'image/*' },
  { kind: 'video', accept: 'video/*' },
  { kind: 'audio', accept: 'audio/*' },
  { kind: 'voice', accept: 'audio/*' },
  { kind: 'document', accept: '*/*' },
];

export interface TComposerProps {
  profile: BotChatProfile | undefined;
  replyTo: ChatMessage | undefined;
  onCancelReply: () => void;
  keyboard: { markup: ReplyKeyboardMarkup; collapsed: boolean } | undefined;
  placeholder: string | undefined;
  onSendText: (text: string) => void;
  onSendFile: (kind: TMediaKind, file: File, caption: string) => void;
  onReplyButton: (action: TReplyAction) => void;
  onMenuApp: (url: string) => void;
}

function MenuButton(props: {
  profile: BotChatProfile | undefined;
  onCommand: (command: string) => void;
  onMenuApp: (url: string) => void;
}) {
  const [open, setOpen] = useState(false);
  const strings = useClientStrings();
  const menu = props.profile?.menu_button;
  if (menu?.type === 'web_app')
    return (
      <button
        type="button"
        className="menu-button web-app"
        data-testid="menu-button"
        onClick={() => props.onMenuApp(menu.web_app.url)}
      >
        {menu.text}
      </button>
    );
  const commands = props.profile?.commands ?? [];
  if (commands.length === 0) return null;
  return (
    <div className="menu-commands">
      <button type="button" className="menu-button" data-testid="menu-button" onClick={() => setOpen(!open)}>
        ☰ {strings.composer.menu}
      </button>
      {open ? (
        <ul className="command-list">
          {commands.map((command) => (
            <li key={command.command}>
              <button
                type="button"
                onClick={() => {
                  setOpen(false);
                  props.onCommand(`/${command.command}`);
                }}
              >
                <span className="command-name">/{command.command}</span>
                <span className="command-description">{command.description}</span>
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

/** The input area: menu button, attachments, text, the reply being written, and the bot's reply keyboard. */
export function Composer(props: TComposerProps) {
  const [text, setText] = useState('');
  const [attachOpen, setAttachOpen] = useState(false);
  const markup = props.keyboard?.markup;
  const collapsed = props.keyboard?.collapsed ?? false;
  const [keyboardHidden, setKeyboardHidden] = useState(collapsed);
  // A new keyboard from the bot shows itself (a new markup object); one already answered stays folded.
  // biome-ignore lint/correctness/useExhaustiveDependencies: `markup` is the trigger, not an input.
  useEffect(() => setKeyboardHidden(collapsed), [markup, collapsed]);
  const fileInput = useRef<HTMLInputElement>(null);
  const pendingKind = useRef<TMediaKind>('document');
  const strings = useClientStrings();

  const send = () => {
    const trimmed = text.trim();
    if (!trimmed) return;
    props.onSendText(trimmed);
    setText('');
  };
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && !event.shiftKey) {
      event.preventDefault();
      send();
    }
  };
  const pick = (kind: TMediaKind, accept: string) => {
    pendingKind.current = kind;
    setAttachOpen(false);
    if (fileInput.current) {
      fileInput.current.accept = accept;
      fileInput.current.click();
    }
  };

  return (
    <div className="composer-area">
      {props.replyTo ? (
        <div className="composer-reply">
          <span className="composer-reply-text">
            <Parts
              parts={strings.composer.replyTo(
                <strong>{props.replyTo.from.first_name}</strong>,
                previewText(props.replyTo, strings),
              )}
            />
          </span>
          <button
            type="button"
            className="flat"
            title={strings.composer.cancelReply}
            onClick={props.onCancelReply}
          >
            <CloseIcon />
          </button>
        </div>
      ) : null}
      <div className="composer">
        <MenuButton profile={props.profile} onCommand={props.onSendText} onMenuApp={props.onMenuApp} />
        <div className="attach">
          <button
            type="button"
            className="icon-button"
            title={strings.composer.attach}
            data-testid="attach"
            onClick={() => setAttachOpen(!attachOpen)}
          >
            <AttachIcon />
          </button>
          {attachOpen ? (
            <ul className="attach-menu">
              {ATTACH.map((item) => (
                <li key={item.kind}>
                  <button
                    type="button"
                    data-testid={`attach-${item.kind}`}
                    onClick={() => pick(item.kind, item.accept)}
                  >
                    {strings.media.kinds[item.kind]}
                  </button>
                </li>
              ))}
            </ul>
          ) : null}
          <input
            ref={fileInput}
            type="file"
            hidden
            data-testid="attach-input"
            onChange={(event) => {
              const file = event.target.files?.[0];
              event.target.value = '';
              if (!file) return;
              props.onSendFile(pendingKind.current, file, text.trim());
              setText('');
            }}
          />
        </div>
        <textarea
          className="composer-input"
          data-testid="composer-input"
          rows={1}
          value={text}
          placeholder={props.placeholder ?? strings.composer.placeholder}
          onChange={(event) => setText(event.target.value)}
          onKeyDown={onKeyDown}
        />
        {markup ? (
          <button
            type="button"
            className="icon-button"
            title={strings.composer.botKeyboard}
            onClick={() => setKeyboardHidden(!keyboardHidden)}
          >
            <KeyboardIcon />
          </button>
        ) : null}
        <button
          type="button"
          className="send-button"
          data-testid="send"
          title={strings.composer.send}
          onClick={send}
        >
          <SendIcon />
        </button>
      </div>
      {markup && !keyboardHidden ? (
        <ReplyKeyboard
          markup={markup}
          onPress={(action) => {
            if (markup.one_time_keyboard) setKeyboardHidden(true);
            props.onReplyButton(action);
          }}
        />
      ) : null}
    </div>
  );
}
