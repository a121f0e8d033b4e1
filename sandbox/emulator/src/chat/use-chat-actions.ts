import { useCallback, useRef, useState } from 'react';
import type { ChatMessage, InlineKeyboardButton } from '../../../telegram/types.ts';
import type { TEmulatorEvent, TMediaKind } from '../../contract/host-api.ts';

type TCallbackAnswered = Extract<TEmulatorEvent, { type: 'callback_answered' }>;

import { hostApi } from '../api/host-client.ts';
import type { TClientStrings } from '../client-strings.ts';
import type { TAlert } from '../components/AlertDialog.tsx';
import type { TInlineAction } from '../components/Keyboard.tsx';
import type { TReplyAction } from '../components/ReplyKeyboard.tsx';
import { chatIdOf, type TChatRef } from './chat-ref.ts';
import { mediaDuration } from './media-duration.ts';
import { splitMessageText } from './split-message-text.ts';

/** Telegram stops showing a pressed button as loading after a while even without an answer. */
const PENDING_MS = 15_000;

export interface TChatActionDeps {
  userId: number | undefined;
  /** The client's words in the current user's language. */
  strings: TClientStrings;
  toast: (text: string) => void;
  alert: (alert: TAlert) => void;
  openMiniApp: (bot: string, url: string | undefined) => void;
  /** The user pressed Pay on an invoice message. */
  openPayment: (ref: TChatRef, message: ChatMessage) => void;
}

/** In a group each bot's buttons belong to that bot; a private chat has one bot. */
const botOfMessage = (ref: TChatRef, message: ChatMessage) =>
  ref.kind === 'group' ? (message.from.username ?? ref.bot) : ref.bot;

/** What the person does in a chat, played on the local Bot API through the host. */
export function useChatActions(deps: TChatActionDeps) {
  const latest = useRef(deps);
  latest.current = deps;
  const [pending, setPending] = useState<ReadonlySet<string>>(new Set());
  const pendingById = useRef(new Map<string, string>());
  /**
   * Answers that arrived before the press's own request returned its id (a quick bot on a busy machine: the
   * event stream can beat the HTTP answer); the press picks its answer up from here.
   */
  const earlyAnswers = useRef(new Map<string, TCallbackAnswered>());

  // The emulator's own reports (a refused call, what it does not model) are for the developer, in English.
  const fail = useCallback((error: unknown) => {
    latest.current.alert({
      title: 'The local Bot API refused',
      text: error instanceof Error ? error.message : String(error),
    });
  }, []);

  const target = (ref: TChatRef, replyTo?: ChatMessage) => {
    const userId = latest.current.userId;
    if (userId === undefined) throw new Error('choose a user first');
    return {
      bot: ref.bot,
      userId,
      chatId: chatIdOf(ref),
      ...(replyTo ? { replyToMessageId: replyTo.message_id } : {}),
    };
  };

  /** Text over Telegram's limit goes as several messages in order, as Telegram clients send it; the first replies. */
  const sendText = (ref: TChatRef, text: string, replyTo?: ChatMessage) => {
    const [first, ...more] = splitMessageText(text);
    if (first === undefined) return;
    void (async () => {
      await hostApi.sendText({ ...target(ref, replyTo), text: first });
      for (const part of more) await hostApi.sendText({ ...target(ref), text: part });
    })().catch(fail);
  };

  const sendFile = async (
    ref: TChatRef,
    kind: TMediaKind,
    file: File,
    caption: string,
    replyTo?: ChatMessage,
  ) => {
    try {
      const duration = await mediaDuration(kind, file);
      await hostApi.sendMedia(
        {
          ...target(ref, replyTo),
          kind,
          fileName: file.name,
          ...(caption ? { caption } : {}),
          ...(duration !== undefined ? { duration } : {}),
        },
        file,
      );
    } catch (error) {
      fail(error);
    }
  };

  const sendContact = (ref: TChatRef) => {
    const phoneNumber = window.prompt(latest.current.strings.composer.sharePhone, '+10000000000');
    if (phoneNumber) void hostApi.sendContact({ ...target(ref), phoneNumber }).catch(fail);
  };

  const press = async (
    ref: TChatRef,
    message: ChatMessage,
    action: TInlineAction,
    _button: InlineKeyboardButton,
  ) => {
    const { toast, openMiniApp, openPayment } = latest.current;
    switch (action.kind) {
      case 'callback': {
        const key = `${message.message_id}:${action.data}`;
        setPending((current) => new Set(current).add(key));
        const clear = () => setPending((current) => new Set([...current].filter((entry) => entry !== key)));
        setTimeout(clear, PENDING_MS);
        try {
          const { userId, chatId } = target(ref);
          const answer = await hostApi.pressButton({
            bot: botOfMessage(ref, message),
            userId,
            chatId,
            messageId: message.message_id,
            data: action.data,
          });
          const early = earlyAnswers.current.get(answer.callbackQueryId);
          earlyAnswers.current.delete(answer.callbackQueryId);
          if (early) {
            clear();
            showAnswer(early.answer);
          } else pendingById.current.set(answer.callbackQueryId, key);
        } catch (error) {
          clear();
          fail(error);
        }
        return;
      }
      case 'url':
        window.open(action.url, '_blank', 'noopener,noreferrer');
        return;
      case 'web_app':
        openMiniApp(botOfMessage(ref, message), action.url);
        return;
      case 'pay':
        openPayment(ref, message);
        return;
      case 'copy':
        await navigator.clipboard?.writeText(action.text).catch(() => undefined);
        toast(latest.current.strings.chat.copied);
        return;
      case 'unsupported':
        toast(`The emulator does not model ${action.what}.`);
        return;
    }
  };

  const replyButton = (ref: TChatRef, action: TReplyAction) => {
    if (action.kind === 'text') sendText(ref, action.text);
    else if (action.kind === 'contact') sendContact(ref);
    else if (action.kind === 'web_app') latest.current.openMiniApp(ref.bot, action.url);
    else latest.current.toast(`The emulator does not model ${action.what}.`);
  };

  /** A callback answer reaches the person who pressed the button: a toast, an alert, or a URL to open. */
  const showAnswer = (answer: TCallbackAnswered['answer']) => {
    if (answer.url) window.open(answer.url, '_blank', 'noopener,noreferrer');
    if (answer.text) {
      if (answer.show_alert) latest.current.alert({ text: answer.text });
      else latest.current.toast(answer.text);
    }
  };

  // biome-ignore lint/correctness/useExhaustiveDependencies: showAnswer reads only refs.
  const onEvent = useCallback((event: TEmulatorEvent) => {
    if (event.type !== 'callback_answered') return;
    const key = pendingById.current.get(event.callback_query_id);
    if (key === undefined) {
      // Not ours yet, or another tab's: kept briefly for a press whose request has not returned.
      earlyAnswers.current.set(event.callback_query_id, event);
      setTimeout(() => earlyAnswers.current.delete(event.callback_query_id), PENDING_MS);
      return;
    }
    pendingById.current.delete(event.callback_query_id);
    setPending((current) => new Set([...current].filter((entry) => entry !== key)));
    showAnswer(event.answer);
  }, []);

  return { pending, sendText, sendFile, sendContact, press, replyButton, onEvent };
}
