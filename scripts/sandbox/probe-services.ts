import { Redis } from 'ioredis';
import pg from 'pg';

/**
 * What a server said when we knocked. `refused` means something answered and said no (a wrong password,
 * a missing role): worth reporting, unlike `unreachable` (nothing listens), which the sandbox works around
 * by starting its own.
 */
export type TProbe =
  | { kind: 'ok' }
  | { kind: 'unreachable'; reason: string }
  | { kind: 'refused'; reason: string };

export type TProber = (url: string) => Promise<TProbe>;

/** The server's maintenance database: the one that exists everywhere and lets us create ours. */
export function maintenanceUrl(databaseUrl: string): string {
  const url = new URL(databaseUrl);
  url.pathname = '/postgres';
  return url.toString();
}

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** PostgreSQL's own errors carry a five-character SQLSTATE; socket errors carry errno names (ECONNREFUSED). */
const isServerError = (error: unknown): boolean =>
  typeof error === 'object' &&
  error !== null &&
  'code' in error &&
  typeof error.code === 'string' &&
  /^[0-9A-Z]{5}$/.test(error.code);

/** Connects to the server's maintenance database: the sandbox's own database may not exist yet. */
export async function probePostgres(databaseUrl: string): Promise<TProbe> {
  const client = new pg.Client({
    connectionString: maintenanceUrl(databaseUrl),
    connectionTimeoutMillis: 3000,
  });
  // A server that drops the connection later would otherwise raise an unhandled 'error' event.
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.query('SELECT 1');
    return { kind: 'ok' };
  } catch (error) {
    return isServerError(error)
      ? { kind: 'refused', reason: message(error) }
      : { kind: 'unreachable', reason: message(error) };
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Redis answers NOAUTH / WRONGPASS / "invalid password" when it wants credentials it did not get. */
const REDIS_REFUSALS = /NOAUTH|WRONGPASS|invalid password|invalid username/i;

export async function probeRedis(redisUrl: string): Promise<TProbe> {
  // No retries: ioredis would otherwise reconnect forever and the sandbox would hang instead of deciding.
  const redis = new Redis(redisUrl, {
    lazyConnect: true,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
    connectTimeout: 3000,
  });
  let cause: unknown;
  redis.on('error', (error) => {
    cause = error;
  });
  try {
    await redis.connect();
    await redis.ping();
    return { kind: 'ok' };
  } catch (error) {
    const reason = message(cause ?? error);
    return REDIS_REFUSALS.test(reason) || REDIS_REFUSALS.test(message(error))
      ? { kind: 'refused', reason: message(error) }
      : { kind: 'unreachable', reason };
  } finally {
    redis.disconnect();
  }
}
