import { z } from 'zod';
import { SERVICES_ENV } from '#core/services/registry.ts';

const ZTelegramIdListSchema = z
  .string()
  .default('')
  .transform((raw, ctx) => {
    const ids: bigint[] = [];
    for (const part of raw.split(',').map((s) => s.trim())) {
      if (part === '') continue;
      if (!/^\d{1,20}$/.test(part)) {
        ctx.addIssue({ code: 'custom', message: `"${part}" is not a Telegram user id` });
        return z.NEVER;
      }
      ids.push(BigInt(part));
    }
    return ids;
  });

const ZBotTokenSchema = z.string().regex(/^\d+:[A-Za-z0-9_-]+$/, 'must look like 123456:ABC-token');

/** 32 bytes as 64 hex characters or base64: AES-256-GCM for secrets at rest. */
const ZEncryptionKeySchema = z.string().transform((raw, ctx) => {
  const key = /^[0-9a-fA-F]{64}$/.test(raw) ? Buffer.from(raw, 'hex') : Buffer.from(raw, 'base64');
  if (key.length !== 32) {
    ctx.addIssue({ code: 'custom', message: 'must be 32 bytes, as 64 hex characters or base64' });
    return z.NEVER;
  }
  return key;
});

const ZBooleanFlagSchema = z
  .enum(['true', 'false', '1', '0', ''])
  .default('false')
  .transform((v) => v === 'true' || v === '1');

/** An IANA zone name that this Node's Intl knows (BullMQ's cron parser uses the same database). */
function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** The platform's own variables; each service adds its fragment (`TServiceModule.env`, merged below). */
const PLATFORM_ENV = {
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  BOT_TOKEN: ZBotTokenSchema,
  ADMIN_BOT_TOKEN: ZBotTokenSchema,
  TELEGRAM_API_ROOT: z.url().default('https://api.telegram.org'),
  BOT_MODE: z.enum(['polling', 'webhook']).default('polling'),
  PUBLIC_URL: z.url().optional(),
  WEBHOOK_SECRET: z
    .string()
    .regex(/^[A-Za-z0-9_-]{16,256}$/, 'must be 16-256 characters of A-Z, a-z, 0-9, _ and -')
    .optional(),
  HOST: z.string().default('0.0.0.0'),
  /** Which hops may set X-Forwarded-For (Fastify trustProxy): addresses, CIDRs or proxy-addr presets. */
  TRUST_PROXY: z.string().min(1).default('loopback,linklocal,uniquelocal'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, 'must be a postgresql:// URL'),
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\//, 'must be a redis:// URL')
    .default('redis://127.0.0.1:6379'),
  /** Namespaces every Redis key and BullMQ queue, so tests and several deployments share one Redis. */
  REDIS_PREFIX: z
    .string()
    .regex(/^[a-z0-9_-]+$/)
    .default('polygram'),
  SUPER_ADMIN_IDS: ZTelegramIdListSchema,
  DATA_ENCRYPTION_KEY: ZEncryptionKeySchema,
  SMTP_URL: z.string().regex(/^smtps?:\/\//, 'must be an smtp:// or smtps:// URL'),
  MAIL_FROM: z.string().min(3).default('Polygram <no-reply@polygram.local>'),
  SUPPORT_CHAT_ID: z
    .string()
    .regex(/^-?\d+$/, 'must be a Telegram chat id')
    .transform((v) => BigInt(v))
    .optional(),
  /** Language of what the bot writes into the support chat (the team's language, not the user's). */
  SUPPORT_LANGUAGE: z.enum(['ru', 'en']).default('ru'),
  TERMS_URL: z.url().default('https://telegram.org/tos'),
  /** Where the Mini App is served; defaults to PUBLIC_URL. Telegram requires https for web_app buttons. */
  MINIAPP_URL: z.url().optional(),
  /** Where YooKassa's page sends the user after paying; defaults to the user bot's chat. */
  PAYMENT_RETURN_URL: z.url().optional(),
  YOOKASSA_SHOP_ID: z.string().min(1).optional(),
  YOOKASSA_SECRET_KEY: z.string().min(1).optional(),
  YOOKASSA_API_URL: z.url().default('https://api.yookassa.ru/v3'),
  /** Comma-separated CIDRs notifications may come from; YooKassa's published ranges when empty. */
  YOOKASSA_ALLOWED_IPS: z.string().optional(),
  /** Sends the user's email in a receipt (54-FZ) with each YooKassa payment. */
  YOOKASSA_RECEIPTS: ZBooleanFlagSchema,
  CRYPTOPAY_TOKEN: z.string().min(1).optional(),
  CRYPTOPAY_API_URL: z.url().default('https://pay.crypt.bot/api'),
  /** Daily NDJSON files of the analytics outbox (core/analytics/ndjson-sink.ts). */
  ANALYTICS_DIR: z.string().min(1).default('storage/analytics'),
  BIGQUERY_API_URL: z.url().default('https://bigquery.googleapis.com/bigquery/v2'),
  BIGQUERY_PROJECT: z.string().min(1).optional(),
  BIGQUERY_DATASET: z.string().min(1).optional(),
  /** `{type}` becomes the event type: one table per kind of event, as in the vgen spec. */
  BIGQUERY_TABLE: z
    .string()
    .regex(/^[A-Za-z0-9_{}]+$/, 'must be a BigQuery table name, optionally with {type}')
    .default('{type}'),
  BIGQUERY_ACCESS_TOKEN: z.string().min(1).optional(),
  /** The local file store (core/files/): images|videos|audio|documents|temp; uploads are spooled here. */
  FILES_DIR: z.string().min(1).default('storage'),
  /** An S3-compatible bucket instead of FILES_DIR for file bytes: all five S3_* variables or none. */
  S3_ENDPOINT: z.url().optional(),
  S3_BUCKET: z.string().min(1).optional(),
  S3_REGION: z.string().min(1).optional(),
  S3_ACCESS_KEY_ID: z.string().min(1).optional(),
  S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
  /**
   * How often the worker reads Telegram's Stars transactions and credits a paid charge we never booked
   * (workers/star-reconciliation.ts); a charge younger than this, at most a minute, is left to the bot.
   */
  STAR_RECONCILIATION_EVERY_MS: z.coerce.number().int().min(500).default(300_000),
  /** Time zone of the daily 03:00 file cleanup (workers/file-cleanup.ts). */
  FILE_CLEANUP_TZ: z
    .string()
    .refine(isTimeZone, 'must be an IANA time zone such as UTC or Europe/Moscow')
    .default('UTC'),
  /** The internal admin API (/api/internal/*) answers only when this is set. */
  ADMIN_API_TOKEN: z.string().min(32, 'must be at least 32 characters').optional(),
  /**
   * Bearer token Prometheus sends to /metrics (app and worker). Unset: /metrics answers 404 in production,
   * and only loopback requests get it in development and test.
   */
  METRICS_TOKEN: z.string().min(32, 'must be at least 32 characters').optional(),
  /** The worker's own HTTP endpoint (/metrics, /health) listens on this port at HOST; none when unset. */
  WORKER_METRICS_PORT: z.coerce.number().int().min(1).max(65535).optional(),
  INIT_DATA_MAX_AGE_SECONDS: z.coerce.number().int().positive().default(86_400),
  /**
   * Tokens each new account gets once, when signup completes (core/accounts/complete-signup.ts), so a new
   * user can try the AI studio before paying; 0 (the default) grants nothing.
   */
  WELCOME_GRANT_TOKENS: z
    .string()
    .regex(/^\d{1,15}$/, 'must be a whole number of tokens, 0 or more')
    .default('0')
    .transform((v) => BigInt(v)),
  /** Days the welcome tokens last; 0 (the default) keeps them until spent. */
  WELCOME_GRANT_DAYS: z.coerce.number().int().min(0).max(3_650).default(0),
  /**
   * Bonus codes a user who runs out of tokens is told about (comma-separated), e.g. a public welcome code.
   * Only these: a code made for one partner or campaign must not be shown to everyone.
   */
  WELCOME_PROMO_CODES: z
    .string()
    .default('')
    .transform((raw) =>
      raw
        .split(',')
        .map((code) => code.trim())
        .filter((code) => code.length > 0),
    ),
  /** Serves /api/dev/init-data so the Mini App runs in a plain browser. Never in production. */
  DEV_AUTH: ZBooleanFlagSchema,
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
};

for (const name of Object.keys(SERVICES_ENV))
  if (Object.hasOwn(PLATFORM_ENV, name))
    throw new Error(`env variable ${name} is both the platform's and a service's`);

export const ZEnvSchema = z.object({ ...PLATFORM_ENV, ...SERVICES_ENV }).superRefine((env, ctx) => {
  if (env.BOT_MODE === 'webhook') {
    if (!env.PUBLIC_URL)
      ctx.addIssue({ code: 'custom', path: ['PUBLIC_URL'], message: 'required when BOT_MODE=webhook' });
    if (!env.WEBHOOK_SECRET)
      ctx.addIssue({ code: 'custom', path: ['WEBHOOK_SECRET'], message: 'required when BOT_MODE=webhook' });
  }
  if (env.DEV_AUTH && env.NODE_ENV === 'production')
    ctx.addIssue({ code: 'custom', path: ['DEV_AUTH'], message: 'must not be enabled in production' });
  const bigQuery = [env.BIGQUERY_PROJECT, env.BIGQUERY_DATASET, env.BIGQUERY_ACCESS_TOKEN];
  if (bigQuery.some(Boolean) && !bigQuery.every(Boolean))
    ctx.addIssue({
      code: 'custom',
      path: ['BIGQUERY_PROJECT'],
      message: 'BIGQUERY_PROJECT, BIGQUERY_DATASET and BIGQUERY_ACCESS_TOKEN go together',
    });
  const s3 = [env.S3_ENDPOINT, env.S3_BUCKET, env.S3_REGION, env.S3_ACCESS_KEY_ID, env.S3_SECRET_ACCESS_KEY];
  if (s3.some(Boolean) && !s3.every(Boolean))
    ctx.addIssue({
      code: 'custom',
      path: ['S3_ENDPOINT'],
      message: 'S3_ENDPOINT, S3_BUCKET, S3_REGION, S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY go together',
    });
  if (env.BOT_TOKEN === env.ADMIN_BOT_TOKEN)
    ctx.addIssue({ code: 'custom', path: ['ADMIN_BOT_TOKEN'], message: 'must differ from BOT_TOKEN' });
});

export type TEnv = z.infer<typeof ZEnvSchema>;

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Parses the environment once; a missing or bad value throws naming every offending variable. */
export function loadEnv(raw: Record<string, string | undefined> = process.env): TEnv {
  // `KEY=` in a .env copied from .env.example means "not set", not "set to nothing".
  const source = Object.fromEntries(Object.entries(raw).filter(([, value]) => value !== ''));
  const result = ZEnvSchema.safeParse(source);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => {
    const name = issue.path.join('.') || '(environment)';
    const given =
      typeof issue.path[0] === 'string' && source[issue.path[0]] === undefined ? ' (not set)' : '';
    return `${name}: ${issue.message}${given}`;
  });
  throw new ConfigError(problems);
}
