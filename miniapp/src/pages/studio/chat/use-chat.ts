import { useCallback, useEffect, useRef, useState } from 'react';
import type { TDialogMessage, TStudioDialog } from '../../../../../server/contracts/studio.ts';
import { getDialogMessages } from '../../../api/studio.ts';
import { sendChatMessage } from '../../../api/studio-chat-stream.ts';
import { errorMessage } from '../../../components/error-message.ts';
import { useT } from '../../../i18n.ts';
import { useMe } from '../../../me-context.ts';

/** The message being answered: shown at once, with the reply as far as it has streamed. */
export type TPending = { text: string; reply: string };

type TChatState = {
  messages: TDialogMessage[];
  nextBefore: string | null;
  loading: boolean;
  loadError: unknown;
  pending: TPending | null;
  /** Why the last message was not answered (localized, says nothing was charged). */
  failure: string | null;
};

/**
 * One dialog's history (the latest page first, earlier pages on demand) and sending: the reply streams
 * into `pending.reply`; once done, both stored messages replace the pending pair. A failed message goes
 * back to the caller (`onFailed`) so the composer can offer it again.
 */
export function useChat(
  dialogId: string,
  opts: { onDone: (dialog: TStudioDialog, available: string) => void; onFailed: (text: string) => void },
) {
  const { request } = useMe();
  const t = useT();
  const [state, setState] = useState<TChatState>({
    messages: [],
    nextBefore: null,
    loading: true,
    loadError: undefined,
    pending: null,
    failure: null,
  });
  const live = useRef(true);
  const { onDone, onFailed } = opts;

  const load = useCallback(
    (before: string | undefined) => {
      setState((s) => ({ ...s, loading: true, loadError: undefined }));
      getDialogMessages(request, dialogId, before).then(
        (page) => {
          if (!live.current) return;
          setState((s) => ({
            ...s,
            messages: before ? [...page.messages, ...s.messages] : page.messages,
            nextBefore: page.nextBefore,
            loading: false,
          }));
        },
        (error: unknown) => live.current && setState((s) => ({ ...s, loading: false, loadError: error })),
      );
    },
    [request, dialogId],
  );

  useEffect(() => {
    live.current = true;
    load(undefined);
    return () => {
      live.current = false;
    };
  }, [load]);

  const send = useCallback(
    async (text: string) => {
      setState((s) => ({ ...s, pending: { text, reply: '' }, failure: null }));
      const onDelta = (piece: string) =>
        live.current &&
        setState((s) =>
          s.pending ? { ...s, pending: { ...s.pending, reply: s.pending.reply + piece } } : s,
        );
      try {
        const outcome = await sendChatMessage(dialogId, text, { onDelta });
        if (!live.current) return;
        if (outcome.kind === 'done') {
          const { userMessage, message } = outcome.done;
          setState((s) => ({ ...s, pending: null, messages: [...s.messages, userMessage, message] }));
          onDone(outcome.done.dialog, outcome.done.available);
        } else {
          setState((s) => ({ ...s, pending: null, failure: outcome.failure.message }));
          onFailed(text);
        }
      } catch (error) {
        if (!live.current) return;
        setState((s) => ({ ...s, pending: null, failure: errorMessage(error, t) }));
        onFailed(text);
      }
    },
    [dialogId, onDone, onFailed, t],
  );

  const loadEarlier = useCallback(() => {
    if (state.nextBefore && !state.loading) load(state.nextBefore);
  }, [load, state.nextBefore, state.loading]);

  return { ...state, send, loadEarlier, retryLoad: () => load(undefined) };
}
