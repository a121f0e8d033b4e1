import pg from 'pg';
import type { Logger } from '#core/logging/logger.ts';
import { OPERATIONS_CHANNEL } from './request-operation.ts';

/**
 * Wakes the worker the moment a payment that asked for an outside call commits (NOTIFY is delivered only on
 * commit, so a rolled-back payment wakes nobody). A dropped connection reconnects after a pause; what it
 * missed meanwhile the sweeper finds.
 */
export function listenForOperations(
  databaseUrl: string,
  logger: Logger,
  onOperation: (id: bigint) => void,
  opts: { reconnectMs?: number } = {},
): { close(): Promise<void> } {
  let client: pg.Client | null = null;
  let closed = false;
  let timer: NodeJS.Timeout | null = null;
  // Ending a connection that already failed may reject again; there is nothing left to do with it.
  const end = (client: pg.Client) => client.end().catch(() => undefined);

  const connect = async () => {
    const next = new pg.Client({ connectionString: databaseUrl });
    next.on('notification', (message) => {
      if (message.channel !== OPERATIONS_CHANNEL || !message.payload || !/^\d+$/.test(message.payload))
        return;
      onOperation(BigInt(message.payload));
    });
    next.on('error', (error) => {
      logger.warn({ err: error.message }, 'operations listener lost its connection');
      retry();
    });
    try {
      await next.connect();
      await next.query(`LISTEN ${OPERATIONS_CHANNEL}`);
      if (closed) {
        await end(next);
        return;
      }
      client = next;
    } catch (error) {
      logger.warn({ err: error instanceof Error ? error.message : String(error) }, 'operations listener');
      await end(next);
      retry();
    }
  };
  const retry = () => {
    const dead = client;
    client = null;
    if (dead) void end(dead);
    if (closed || timer) return;
    timer = setTimeout(() => {
      timer = null;
      void connect();
    }, opts.reconnectMs ?? 5_000);
  };
  void connect();
  return {
    async close() {
      closed = true;
      if (timer) clearTimeout(timer);
      if (client) await end(client);
      client = null;
    },
  };
}
