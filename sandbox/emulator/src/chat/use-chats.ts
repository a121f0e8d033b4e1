import { useCallback, useEffect, useReducer, useRef } from 'react';
import type { TEmulatorEvent } from '../../contract/host-api.ts';
import { hostApi } from '../api/host-client.ts';
import { chatIdOf, chatKey, type TChatRef } from './chat-ref.ts';
import { chatsReducer } from './chats-reducer.ts';

const TICK_MS = 1_000;

/**
 * The current user's chats, loaded from the host and kept live by its events. `refs` changes when the
 * user changes; everything is then reloaded.
 */
export function useChats(refs: TChatRef[], openKey: string | undefined, onError: (error: unknown) => void) {
  const [chats, dispatch] = useReducer(chatsReducer, {});
  const openKeyRef = useRef(openKey);
  openKeyRef.current = openKey;
  const refsKey = refs.map(chatKey).join(',');

  // biome-ignore lint/correctness/useExhaustiveDependencies: refs are compared by their keys.
  const reload = useCallback(() => {
    for (const ref of refs)
      hostApi
        .messages(ref.bot, chatIdOf(ref))
        .then((messages) => dispatch({ type: 'loaded', key: chatKey(ref), messages }), onError);
  }, [refsKey]);

  useEffect(() => {
    dispatch({ type: 'reset' });
    reload();
  }, [reload]);

  useEffect(() => {
    if (openKey) dispatch({ type: 'opened', key: openKey });
  }, [openKey]);

  // Chat actions end after 5 s even when no message follows.
  useEffect(() => {
    const timer = setInterval(() => dispatch({ type: 'tick', now: Date.now() }), TICK_MS);
    return () => clearInterval(timer);
  }, []);

  const onEvent = useCallback(
    (event: TEmulatorEvent) =>
      dispatch({ type: 'event', event, openKey: openKeyRef.current, now: Date.now() }),
    [],
  );
  return { chats, onEvent, reload };
}
