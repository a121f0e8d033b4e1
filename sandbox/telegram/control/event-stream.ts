import type { IncomingMessage, ServerResponse } from 'node:http';
import type { TelegramState } from '#sandbox/telegram/state/telegram-state.ts';

/** Comment lines keep proxies and EventSource clients from timing out an idle stream. */
const HEARTBEAT_MS = 15_000;

/**
 * `GET /control/events`: Server-Sent Events, one per state change
 * (`event: <type>`, `id: <seq>`, `data: <TelegramServerEvent JSON>`).
 */
export function openEventStream(
  state: TelegramState,
  req: IncomingMessage,
  res: ServerResponse,
  shutdown: AbortSignal,
): void {
  res.writeHead(200, {
    'content-type': 'text/event-stream',
    'cache-control': 'no-cache',
    connection: 'keep-alive',
  });
  res.write(': connected\n\n');
  const unsubscribe = state.events.subscribe((event, seq) => {
    res.write(`id: ${seq}\nevent: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`);
  });
  const heartbeat = setInterval(() => res.write(': ping\n\n'), HEARTBEAT_MS);
  const end = () => {
    clearInterval(heartbeat);
    unsubscribe();
    shutdown.removeEventListener('abort', end);
    if (!res.writableEnded) res.end();
  };
  req.on('close', end);
  shutdown.addEventListener('abort', end, { once: true });
}
