import { type RefObject, useCallback, useEffect, useRef, useState } from 'react';
import type { TThemeParams } from '../../contract/theme-params.ts';
import {
  encodeClientEvent,
  parseBridgeMessage,
  type TBridgeCall,
  type TClientEvents,
} from './bridge-protocol.ts';
import { handleBridgeCall, type TBridgeHandlers, type TPanelState } from './handle-bridge-call.ts';

const LOG_LENGTH = 60;

const INITIAL: TPanelState = {
  ready: false,
  backButton: false,
  settingsButton: false,
  confirmClose: false,
  log: [],
};

/**
 * Telegram Web's side of the Mini Apps protocol for one iframe: answers the app's requests (theme,
 * viewport, safe areas, clipboard, CloudStorage), keeps the header and bottom buttons it set up, and posts
 * the user's presses back. Only messages from this frame's window are read, whatever origin they name.
 */
export function useMiniAppBridge(opts: {
  frame: RefObject<HTMLIFrameElement | null>;
  origin: string;
  theme: TThemeParams;
  storageScope: string;
  handlers: TBridgeHandlers;
}) {
  const [state, setState] = useState<TPanelState>(INITIAL);
  const latest = useRef(opts);
  latest.current = opts;
  const logId = useRef(0);

  const post = useCallback(<K extends keyof TClientEvents>(type: K, data: TClientEvents[K]) => {
    const { frame, origin } = latest.current;
    frame.current?.contentWindow?.postMessage(encodeClientEvent(type, data), origin);
  }, []);

  const viewport = useCallback(() => {
    const frame = latest.current.frame.current;
    post('viewport_changed', {
      height: frame?.clientHeight ?? 0,
      width: frame?.clientWidth ?? 0,
      is_expanded: true,
      is_state_stable: true,
    });
  }, [post]);

  const handle = useCallback(
    (call: TBridgeCall) => {
      const { handlers, storageScope, theme } = latest.current;
      handleBridgeCall(call, {
        post,
        viewport,
        theme,
        storageScope,
        handlers,
        update: (patch) => setState((current) => ({ ...current, ...patch })),
      });
    },
    [post, viewport],
  );

  useEffect(() => {
    const onMessage = (event: MessageEvent) => {
      if (event.source === null || event.source !== latest.current.frame.current?.contentWindow) return;
      const message = parseBridgeMessage(event.data);
      if (!message) return;
      const method = message.kind === 'call' ? message.call.method : message.method;
      const note =
        message.kind === 'invalid'
          ? `invalid: ${message.problem}`
          : message.kind === 'ignored'
            ? 'ignored'
            : undefined;
      const entry = { id: ++logId.current, method, ...(note ? { note } : {}) };
      setState((current) => ({ ...current, log: [...current.log, entry].slice(-LOG_LENGTH) }));
      if (message.kind === 'call') handle(message.call);
    };
    window.addEventListener('message', onMessage);
    return () => window.removeEventListener('message', onMessage);
  }, [handle]);

  // A theme switch in the client reaches an open app at once, as in Telegram; the launch carried the first.
  const sentTheme = useRef(opts.theme);
  useEffect(() => {
    if (sentTheme.current === opts.theme) return;
    sentTheme.current = opts.theme;
    post('theme_changed', { theme_params: opts.theme });
  }, [opts.theme, post]);

  return {
    state,
    post,
    closeInvoice: (status: TClientEvents['invoice_closed']['status']) => {
      const slug = state.invoiceSlug;
      setState((current) => ({ ...current, invoiceSlug: undefined }));
      if (slug) post('invoice_closed', { slug, status });
    },
    closePopup: (buttonId?: string) => {
      setState((current) => ({ ...current, popup: undefined }));
      post('popup_closed', buttonId === undefined ? {} : { button_id: buttonId });
    },
  };
}
