import { formatTokens } from '#core/money/format-money.ts';
import type { TDialogMessage } from '../../../../../server/contracts/studio.ts';
import { useLanguage, useT } from '../../../i18n.ts';
import { Markdown } from '../markdown/Markdown.tsx';

/** One message: the user's own as typed (plain text), the model's rendered from Markdown. */
export function MessageBubble({ message }: { message: TDialogMessage }) {
  const t = useT();
  const language = useLanguage();
  if (message.role === 'user') {
    return (
      <li className="bubble bubble--user" data-testid="chat-message-user">
        <p className="bubble__plain">{message.content}</p>
      </li>
    );
  }
  const charged = BigInt(message.tokensUsed) > 0n;
  return (
    <li className="bubble bubble--model" data-testid="chat-message-model">
      <Markdown source={message.content} />
      <p className="bubble__meta">
        {charged
          ? t('miniapp-studio-chat-charged', { tokens: formatTokens(message.tokensUsed, language) })
          : t('miniapp-studio-chat-free')}
      </p>
    </li>
  );
}

/** The reply while it streams in: a cursor until the first piece arrives. */
export function StreamingBubble({ text }: { text: string }) {
  const t = useT();
  return (
    <li className="bubble bubble--model bubble--streaming" data-testid="chat-streaming" aria-busy="true">
      {text ? <Markdown source={text} /> : <p className="muted">{t('miniapp-studio-chat-thinking')}</p>}
    </li>
  );
}
