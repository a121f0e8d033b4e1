import type { IncomingMessage, ServerResponse } from 'node:http';
import { followEvents } from '../../../scripts/dev/event-feed.ts';
import type { TelegramServerEvent } from '../../telegram/types.ts';
import type { TEmulatorEvent } from '../contract/host-api.ts';

/** Comment lines keep an idle stream open through proxies and browsers' EventSource timeouts. */
const HEARTBEAT_MS = 15_000;

/**
 * The event as the page may see it: the token replaced by the bot's username. Events of bots the emulator
 * does not know are dropped (undefined). A user's message in a group has no token (every member bot sees
 * it) and keeps `bot: null`.
 */
export function toEmulatorEvent(
  event: TelegramServerEvent,
  usernameOf: (token: string) => string | undefined,
): TEmulatorEvent | undefined {
  const { token, ...rest } = event;
  const bot = token === null ? null : usernameOf(token);
  if (bot === undefined) return undefined;
  // Destructuring a union loses which member `rest` came from; the fields are exactly that member's.
  return { ...rest, bot } as TEmulatorEvent;
}

/**
 * Follows the local Bot API's event stream once and fans it out to every open emulator page as
 * Server-Sent Events (`data: <TEmulatorEvent JSON>`), so the pages never talk to the Bot API themselves.
 */
export class EventRelay {
  readonly #pages = new Set<ServerResponse>();
  readonly #stop = new AbortController();

  constructor(
    telegramUrl: string,
    usernameOf: (token: string) => string | undefined,
    logger: (msg: string) => void,
  ) {
    void followEvents(
      telegramUrl,
      {
        onEvent: (event) => {
          const visible = toEmulatorEvent(event, usernameOf);
          if (visible) this.#broadcast(visible);
        },
        onDrop: (reason) => logger(`emulator: lost the Bot API event stream (${reason}); reconnecting`),
      },
      this.#stop.signal,
    );
  }

  /** `GET /api/events`: a page subscribes; it reloads its chats on (re)connect, so nothing is replayed. */
  open(req: IncomingMessage, res: ServerResponse): void {
    res.writeHead(200, {
      'content-type': 'text/event-stream',
      'cache-control': 'no-store',
      connection: 'keep-alive',
    });
    res.write(': connected\n\n');
    this.#pages.add(res);
    const heartbeat = setInterval(() => res.write(': ping\n\n'), HEARTBEAT_MS);
    req.on('close', () => {
      clearInterval(heartbeat);
      this.#pages.delete(res);
    });
  }

  close(): void {
    this.#stop.abort();
    for (const page of this.#pages) page.end();
    this.#pages.clear();
  }

  #broadcast(event: TEmulatorEvent): void {
    const frame = `data: ${JSON.stringify(event)}\n\n`;
    for (const page of this.#pages) page.write(frame);
  }
}
