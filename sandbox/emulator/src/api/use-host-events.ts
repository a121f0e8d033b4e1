import { useEffect, useRef } from 'react';
import type { TEmulatorEvent } from '../../contract/host-api.ts';

/**
 * The host's event stream (`/api/events`). EventSource reconnects by itself; `onConnect` runs on every
 * (re)connection so the page can reload what it may have missed while disconnected.
 */
export function useHostEvents(handlers: {
  onEvent: (event: TEmulatorEvent) => void;
  onConnect: () => void;
}): void {
  const latest = useRef(handlers);
  latest.current = handlers;
  useEffect(() => {
    const source = new EventSource('/api/events');
    source.onopen = () => latest.current.onConnect();
    source.onmessage = (message: MessageEvent<string>) => {
      // The host relays the local Bot API's own events: trusted, typed by the contract.
      latest.current.onEvent(JSON.parse(message.data) as TEmulatorEvent);
    };
    return () => source.close();
  }, []);
}
