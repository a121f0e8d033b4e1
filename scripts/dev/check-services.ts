import { createServer } from 'node:net';
import { probePostgres, probeRedis, type TProbe } from '#scripts/sandbox/probe-services.ts';
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

const problemOf = (what: string, where: string, probe: TProbe) =>
  probe.kind === 'ok' ? null : `${what} at ${where} is not reachable: ${probe.reason}`;

/** Both stores must answer before anything starts; one message names every missing one and the fix. */
export async function checkServices(opts: { databaseUrl: string; redisUrl: string }): Promise<void> {
  const [postgres, redis] = await Promise.all([probePostgres(opts.databaseUrl), probeRedis(opts.redisUrl)]);
  const problems = [
    problemOf('PostgreSQL', new URL(opts.databaseUrl).host, postgres),
    problemOf('Redis', opts.redisUrl, redis),
  ].filter((problem): problem is string => problem !== null);
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
