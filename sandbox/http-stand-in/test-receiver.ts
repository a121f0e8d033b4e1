// A tiny HTTP server standing in for Polygram's webhook route in tests: it hands every POST to a
// handler (which runs the production verification code) and records what happened.
import { createServer, type IncomingHttpHeaders } from 'node:http';
import { closeServer, listen, readBody } from './http-basics.ts';

export type TReceived = {
  rawBody: Buffer;
  headers: IncomingHttpHeaders;
  remoteAddress: string;
  /** The status the handler answered with. */
  status: number;
  /** What the handler concluded, for assertions. */
  note: string;
};

export type TReceiverHandler = (
  request: Omit<TReceived, 'status' | 'note'>,
) => Promise<{ status: number; note: string }>;

export type TTestReceiver = {
  url: string;
  received: TReceived[];
  /** Resolves with the first recorded request that matches, waiting for it if need be. */
  waitFor(match: (r: TReceived) => boolean, timeoutMs?: number): Promise<TReceived>;
  close(): Promise<void>;
};

export async function startTestReceiver(handler: TReceiverHandler): Promise<TTestReceiver> {
  const received: TReceived[] = [];
  const waiters = new Set<() => void>();
  const server = createServer((req, res) => {
    void (async () => {
      const request = {
        rawBody: await readBody(req),
        headers: req.headers,
        remoteAddress: req.socket.remoteAddress ?? '',
      };
      let outcome: { status: number; note: string };
      try {
        outcome = await handler(request);
      } catch (err) {
        outcome = { status: 500, note: `handler threw: ${err instanceof Error ? err.message : String(err)}` };
      }
      received.push({ ...request, ...outcome });
      res.writeHead(outcome.status, { 'content-type': 'text/plain' }).end(outcome.note);
      for (const wake of waiters) wake();
    })();
  });
  const port = await listen(server, 0, '127.0.0.1');

  return {
    url: `http://127.0.0.1:${port}/webhook`,
    received,
    waitFor: (match, timeoutMs = 5_000) =>
      new Promise<TReceived>((resolve, reject) => {
        const check = () => {
          const found = received.find(match);
          if (!found) return;
          clearTimeout(timer);
          waiters.delete(check);
          resolve(found);
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`no matching webhook within ${timeoutMs} ms (got ${received.length})`));
        }, timeoutMs);
        waiters.add(check);
        check();
      }),
    close: () => closeServer(server),
  };
}
