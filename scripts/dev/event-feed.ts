import type { TelegramServerEvent } from '#sandbox/telegram/types.ts';
import { SseParser } from './sse-parser.ts';

const RECONNECT_DELAY_MS = 1000;

/**
 * Follows the local Bot API's event stream (`GET /control/events`) until `signal` aborts, reconnecting if
 * the connection drops. Events are the server's own `TelegramServerEvent` JSON, so they are not re-validated.
 */
export async function followEvents(
  telegramUrl: string,
  handlers: { onEvent: (event: TelegramServerEvent) => void; onDrop: (reason: string) => void },
  signal: AbortSignal,
): Promise<void> {
  while (!signal.aborted) {
    try {
      const response = await fetch(`${telegramUrl}/control/events`, { signal });
      if (!response.ok || !response.body) throw new Error(`event stream answered ${response.status}`);
      const parser = new SseParser();
      const decoder = new TextDecoder();
      for await (const chunk of response.body) {
        for (const message of parser.push(decoder.decode(chunk, { stream: true })))
          handlers.onEvent(JSON.parse(message.data) as TelegramServerEvent);
      }
      if (signal.aborted) return;
      handlers.onDrop('the server closed the stream');
    } catch (error) {
      if (signal.aborted) return;
      handlers.onDrop(error instanceof Error ? error.message : String(error));
    }
    await new Promise((resolve) => setTimeout(resolve, RECONNECT_DELAY_MS));
  }
}
