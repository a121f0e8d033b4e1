import { type FormEvent, useEffect, useState } from 'react';
import { CHAT_TEXT_MAX } from '../../../../../server/contracts/studio.ts';
import { useT } from '../../../i18n.ts';

type TComposerProps = {
  busy: boolean;
  onSend: (text: string) => void;
  /** Text to put back (a message that was not answered), with a counter so the same text can return twice. */
  restore: { text: string; seq: number } | null;
};

/** The message box: Enter sends on a keyboard with one, Shift+Enter breaks the line. */
export function Composer({ busy, onSend, restore }: TComposerProps) {
  const t = useT();
  const [text, setText] = useState('');
  useEffect(() => {
    if (restore) setText(restore.text);
  }, [restore]);
  const trimmed = text.trim();
  const canSend = !busy && trimmed.length > 0 && trimmed.length <= CHAT_TEXT_MAX;
  const submit = (event?: FormEvent) => {
    event?.preventDefault();
    if (!canSend) return;
    onSend(trimmed);
    setText('');
  };
  return (
    <form className="composer" onSubmit={submit}>
      <label className="visually-hidden" htmlFor="chat-input">
        {t('miniapp-studio-chat-input-label')}
      </label>
      <textarea
        id="chat-input"
        className="composer__input"
        rows={2}
        value={text}
        maxLength={CHAT_TEXT_MAX}
        placeholder={t('miniapp-studio-chat-placeholder')}
        onChange={(event) => setText(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) submit(event);
        }}
        data-testid="chat-input"
      />
      <button type="submit" className="button composer__send" disabled={!canSend} data-testid="chat-send">
        {busy ? t('miniapp-studio-chat-sending') : t('miniapp-studio-chat-send')}
      </button>
    </form>
  );
}
