import { join } from 'node:path';
import { ROOT } from '#scripts/dev/dev-config.ts';

/** Everything the sandbox listens on. `postgres` and `redis` are used only when it starts its own. */
export const PORT_NAMES = [
  'emulator',
  'app',
  'telegram',
  'smtp',
  'mail',
  'yookassa',
  'cryptopay',
  'openai',
  'predictions',
  'bigquery',
  'remnawave',
  'postgres',
  'redis',
] as const;
export type TPortName = (typeof PORT_NAMES)[number];

export const PORT_VARIABLES: Record<TPortName, string> = {
  emulator: 'SANDBOX_PORT',
  app: 'SANDBOX_APP_PORT',
  telegram: 'SANDBOX_TELEGRAM_PORT',
  smtp: 'SANDBOX_SMTP_PORT',
  mail: 'SANDBOX_MAIL_PORT',
  yookassa: 'SANDBOX_YOOKASSA_PORT',
  cryptopay: 'SANDBOX_CRYPTOPAY_PORT',
  openai: 'SANDBOX_OPENAI_PORT',
  predictions: 'SANDBOX_PREDICTIONS_PORT',
  bigquery: 'SANDBOX_BIGQUERY_PORT',
  remnawave: 'SANDBOX_REMNAWAVE_PORT',
  postgres: 'SANDBOX_POSTGRES_PORT',
  redis: 'SANDBOX_REDIS_PORT',
};

// Away from `npm run dev`'s ports (3000, 3001, 8081, 1025, 8025) and the usual 5432/6379, so the two and a
// system PostgreSQL/Redis can run side by side. Fixed rather than random: printed links stay valid.
const DEFAULT_PORTS: Record<TPortName, number> = {
  emulator: 4300,
  app: 4301,
  telegram: 4302,
  yookassa: 4303,
  cryptopay: 4304,
  openai: 4305,
  predictions: 4306,
  bigquery: 4307,
  remnawave: 4309,
  mail: 4308,
  smtp: 4325,
  postgres: 54329,
  redis: 6399,
};

export const DEFAULT_DATABASE_URL = 'postgresql://postgres@127.0.0.1:5432/polygram_sandbox';
export const DEFAULT_REDIS_URL = 'redis://127.0.0.1:6379';

export interface TSandboxConfig {
  root: string;
  /** `.sandbox/` (gitignored): logs, the embedded PostgreSQL's data, Redis's folder, files, analytics. */
  stateDir: string;
  logDir: string;
  postgresDir: string;
  redisDir: string;
  filesDir: string;
  analyticsDir: string;
  /** 0 means "any free port", chosen at start (tests run beside a developer's sandbox this way). */
  ports: Record<TPortName, number>;
  /** Tried first; when nothing answers there, an embedded PostgreSQL serves the same database name. */
  databaseUrl: string;
  /** Set by the person: a refusal there (a wrong password) is reported instead of worked around. */
  databaseUrlFromEnv: boolean;
  redisUrl: string;
  redisUrlFromEnv: boolean;
  redisPrefix: string;
  /** Running as root, the embedded PostgreSQL needs an unprivileged `postgres` user; may we add one? */
  mayCreatePostgresUser: boolean;
  logLevel: string;
}

const FALSE_WORDS = new Set(['0', 'false', 'no', 'off']);

function port(env: NodeJS.ProcessEnv, name: TPortName): number {
  const variable = PORT_VARIABLES[name];
  const raw = env[variable];
  if (raw === undefined || raw === '') return DEFAULT_PORTS[name];
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0 || value > 65_535)
    throw new Error(`${variable} must be a port number (1-65535, or 0 for any free port), got "${raw}"`);
  return value;
}

export function readSandboxConfig(env: NodeJS.ProcessEnv, root = ROOT): TSandboxConfig {
  const stateDir = join(root, '.sandbox');
  const ports = Object.fromEntries(PORT_NAMES.map((name) => [name, port(env, name)])) as Record<
    TPortName,
    number
  >;
  return {
    root,
    stateDir,
    logDir: join(stateDir, 'logs'),
    postgresDir: env.SANDBOX_POSTGRES_DIR || join(stateDir, 'postgres'),
    redisDir: join(stateDir, 'redis'),
    filesDir: join(stateDir, 'files'),
    analyticsDir: join(stateDir, 'analytics'),
    ports,
    databaseUrl: env.DATABASE_URL || DEFAULT_DATABASE_URL,
    databaseUrlFromEnv: Boolean(env.DATABASE_URL),
    redisUrl: env.REDIS_URL || DEFAULT_REDIS_URL,
    redisUrlFromEnv: Boolean(env.REDIS_URL),
    redisPrefix: 'polygram_sandbox',
    mayCreatePostgresUser: !FALSE_WORDS.has((env.SANDBOX_CREATE_POSTGRES_USER ?? '').toLowerCase()),
    logLevel: env.LOG_LEVEL || 'info',
  };
}

/** The database name the sandbox uses, on whichever PostgreSQL serves it. */
export const databaseName = (databaseUrl: string): string =>
  decodeURIComponent(new URL(databaseUrl).pathname.slice(1)) || 'polygram_sandbox';
