import { createServer } from 'node:net';
import { Redis } from 'ioredis';
import pg from 'pg';
import { DevSetupError } from './dev-setup-error.ts';

// Not `docker compose up`: docker-compose.yml is the production stack, whose PostgreSQL and Redis publish
// no ports and whose database wants a password.
const HOW_TO_GET_THEM = [
  'Start them, for example with Docker (no password, like CI):',
  '  docker run -d --name polygram-postgres -p 127.0.0.1:5432:5432 -e POSTGRES_HOST_AUTH_METHOD=trust postgres:16',
  '  docker run -d --name polygram-redis -p 127.0.0.1:6379:6379 redis:7',
  'or from your package manager:',
  '  sudo apt install postgresql redis-server      brew install postgresql@16 redis && brew services start postgresql@16 redis',
  'If your PostgreSQL user needs a password, say so in DATABASE_URL:',
  '  DATABASE_URL=postgresql://USER:PASSWORD@127.0.0.1:5432/polygram_dev npm run dev',
  '(the database itself is created if missing; REDIS_URL chooses another Redis).',
].join('\n');

const reason = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** The server's maintenance database: the one that exists everywhere and lets us create ours. */
export function maintenanceUrl(databaseUrl: string): string {
  const url = new URL(databaseUrl);
  url.pathname = '/postgres';
  return url.toString();
}

async function checkPostgres(databaseUrl: string): Promise<string | null> {
  const client = new pg.Client({
    connectionString: maintenanceUrl(databaseUrl),
    connectionTimeoutMillis: 3000,
  });
  try {
    await client.connect();
    return null;
  } catch (error) {
    return `PostgreSQL at ${new URL(databaseUrl).host} is not reachable: ${reason(error)}`;
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function checkRedis(redisUrl: string): Promise<string | null> {
  // No retries: ioredis would otherwise reconnect forever and the script would hang instead of explaining.
  const redis = new Redis(redisUrl, {
    lazyConnect: true,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
    connectTimeout: 3000,
  });
  // The connection error itself arrives as an event; connect() only rejects with "Connection is closed".
  let cause: unknown;
  redis.on('error', (error) => {
    cause = error;
  });
  try {
    await redis.connect();
    await redis.ping();
    return null;
  } catch (error) {
    return `Redis at ${redisUrl} is not reachable: ${reason(cause ?? error)}`;
  } finally {
    redis.disconnect();
  }
}

/** Both stores must answer before anything starts; one message names every missing one and the fix. */
export async function checkServices(opts: { databaseUrl: string; redisUrl: string }): Promise<void> {
  const problems = (await Promise.all([checkPostgres(opts.databaseUrl), checkRedis(opts.redisUrl)])).filter(
    (problem): problem is string => problem !== null,
  );
  if (problems.length > 0) throw new DevSetupError(`${problems.join('\n')}\n\n${HOW_TO_GET_THEM}`);
}

/** Fails with the variable to change when another program (or another `npm run dev`) holds the port. */
export async function checkPortFree(port: number, variable: string): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const server = createServer();
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(
        error.code === 'EADDRINUSE'
          ? new DevSetupError(
              `Port ${port} is in use (another "npm run dev"?). Stop that program or set ${variable} to a free port.`,
            )
          : error,
      ),
    );
    server.listen(port, '127.0.0.1', () => server.close(() => resolve()));
  });
}
