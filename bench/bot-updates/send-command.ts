import { Agent, request } from 'node:http';

export type TSendCommand = (input: { token: string; userId: number; text: string }) => Promise<void>;

/**
 * `POST /control/messages/text`, the request TelegramTestClient.sendText makes, over node:http with
 * keep-alive instead of fetch. The load generator shares the machine with the bot under test, and fetch
 * (WHATWG streams, abort signals) cost it about a third more CPU per command: on a small machine that CPU
 * is taken from the bot.
 */
export function commandSender(serverUrl: string, maxSockets: number): { send: TSendCommand; close(): void } {
  const agent = new Agent({ keepAlive: true, maxSockets });
  const url = new URL('/control/messages/text', serverUrl);

  const post = (body: string, retried: boolean): Promise<void> =>
    new Promise<void>((resolve, reject) => {
      const req = request(
        url,
        {
          method: 'POST',
          agent,
          headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => {
            if (res.statusCode === 200) return resolve();
            reject(new Error(`sendText: HTTP ${res.statusCode} ${Buffer.concat(chunks).toString('utf8')}`));
          });
          res.on('error', reject);
        },
      );
      req.on('error', (error: NodeJS.ErrnoException) => {
        // The server closes keep-alive connections idle for 5 s; one picked from the pool just as it closes
        // fails before the request was read, so sending it again is safe (Node's documented remedy). A
        // command that did arrive twice would still be caught: its second reply fails the run.
        if (req.reusedSocket && error.code === 'ECONNRESET' && !retried) resolve(post(body, true));
        else reject(error);
      });
      req.end(body);
    });

  return { send: (input) => post(JSON.stringify(input), false), close: () => agent.destroy() };
}
