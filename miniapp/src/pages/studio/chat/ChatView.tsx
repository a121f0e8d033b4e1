import { useCallback, useEffect, useRef, useState } from 'react';
import { formatTokens } from '#core/money/format-money.ts';
import type { TStudioDialog } from '../../../../../server/contracts/studio.ts';
import { CardSkeleton } from '../../../components/CardSkeleton.tsx';
import { InlineError } from '../../../components/InlineError.tsx';
import { Page } from '../../../components/Page.tsx';
import { useLanguage, useT } from '../../../i18n.ts';
import { Composer } from './Composer.tsx';
import { MessageBubble, StreamingBubble } from './MessageBubble.tsx';
import { useChat } from './use-chat.ts';

type TChatViewProps = {
  dialog: TStudioDialog;
  available: string | null;
  onBack: () => void;
  onSettings: () => void;
  onChanged: (dialog: TStudioDialog, available: string) => void;
};

/** One dialog: its history, the reply streaming in as it is written, and the message box. */
export function ChatView({ dialog, available, onBack, onSettings, onChanged }: TChatViewProps) {
  const t = useT();
  const language = useLanguage();
  const [restore, setRestore] = useState<{ text: string; seq: number } | null>(null);
  const onFailed = useCallback((text: string) => setRestore((r) => ({ text, seq: (r?.seq ?? 0) + 1 })), []);
  const chat = useChat(dialog.id, { onDone: onChanged, onFailed });
  const end = useRef<HTMLDivElement>(null);
  const streamed = chat.pending?.reply.length ?? 0;
  const count = chat.messages.length;

  // Keep the newest text in view while it streams and when a reply lands.
  useEffect(() => {
    void streamed;
    void count;
    end.current?.scrollIntoView?.({ block: 'end' });
  }, [streamed, count]);

  const title = dialog.title || t('miniapp-studio-dialog-untitled');
  return (
    <Page back title={title} onBack={onBack}>
      <div className="chat-head">
        <p className="muted" data-testid="chat-model">
          {t('miniapp-studio-chat-model-line', {
            model: dialog.modelName,
            price: formatTokens(dialog.price, language),
          })}
          {available !== null
            ? ` · ${t('miniapp-studio-balance', { tokens: formatTokens(available, language) })}`
            : null}
        </p>
        <button
          type="button"
          className="button button--secondary chat-head__settings"
          onClick={onSettings}
          data-testid="chat-settings"
        >
          {t('miniapp-studio-dialog-settings')}
        </button>
      </div>
      {!dialog.historyEnabled ? (
        <p className="muted chat-note">{t('miniapp-studio-history-off-note')}</p>
      ) : null}
      {chat.nextBefore && !chat.loading ? (
        <button
          type="button"
          className="button button--secondary button--wide"
          onClick={chat.loadEarlier}
          data-testid="chat-earlier"
        >
          {t('miniapp-studio-chat-earlier')}
        </button>
      ) : null}
      {chat.loading && count === 0 ? <CardSkeleton lines={3} /> : null}
      {chat.loadError ? (
        <InlineError error={chat.loadError} onRetry={chat.retryLoad} testId="chat-load-error" />
      ) : null}
      {!chat.loading && !chat.loadError && count === 0 && !chat.pending ? (
        <p className="card muted" data-testid="chat-empty">
          {t('miniapp-studio-chat-empty')}
        </p>
      ) : null}
      <ol className="chat" aria-live="polite" data-testid="chat-messages">
        {chat.messages.map((message) => (
          <MessageBubble key={message.id} message={message} />
        ))}
        {chat.pending ? (
          <>
            <li className="bubble bubble--user" data-testid="chat-message-pending">
              <p className="bubble__plain">{chat.pending.text}</p>
            </li>
            <StreamingBubble text={chat.pending.reply} />
          </>
        ) : null}
      </ol>
      {chat.failure ? (
        <p className="card studio-error" role="alert" data-testid="chat-failure">
          {chat.failure}
        </p>
      ) : null}
      <div ref={end} />
      <Composer busy={chat.pending !== null} onSend={chat.send} restore={restore} />
    </Page>
  );
}
