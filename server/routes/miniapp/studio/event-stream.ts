import type { FastifyReply } from 'fastify';
import type { TChatEvent } from '#server/contracts/studio.ts';

/**
 * Proxies and load balancers close a response that says nothing for a minute or so; a comment line every
 * 15 s keeps a slow model's stream open while it thinks.
 */
const KEEP_ALIVE_MS = 15_000;

export interface TEventStream {
  send(event: TChatEvent): void;
  end(): void;
}

/**
 * Turns the reply into a Server-Sent Events stream (`text/event-stream`) written by hand: Fastify hands
 * the raw response over (hijack), so nothing buffers or serializes the events. Writes after the client went
 * away are dropped: the caller finishes its work either way.
 */
export function openEventStream(reply: FastifyReply): TEventStream {
  reply.hijack();
  const raw = reply.raw;
  raw.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache, no-transform',
    connection: 'keep-alive',
    // nginx buffers proxied responses unless told not to, which would deliver the whole reply at the end.
    'x-accel-buffering': 'no',
  });
  raw.flushHeaders();
  const open = () => !raw.destroyed && !raw.writableEnded;
  const write = (chunk: string) => {
    if (open()) raw.write(chunk);
  };
  const keepAlive = setInterval(() => write(': keep-alive\n\n'), KEEP_ALIVE_MS);
  return {
    // JSON has no raw newlines, so each event's data is one `data:` line.
    send: (event) => write(`event: ${event.event}\ndata: ${JSON.stringify(event.data)}\n\n`),
    end() {
      clearInterval(keepAlive);
      if (open()) raw.end();
    },
  };
}
