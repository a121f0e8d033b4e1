// The environment of the app and worker processes when something local (the e2e stack, `npm run dev`)
// starts them against the sandbox's Bot API and mail catcher. One builder, so a variable added to
// core/config/env.ts is wired for tests and the dev sandbox in one place.

import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface AppEnvOptions {
  nodeEnv: 'development' | 'test';
  userBotToken: string;
  adminBotToken: string;
  /** Base URL of the local Bot API (sandbox/telegram). */
  telegramApiRoot: string;
  /** HTTP port of the app; it listens on 127.0.0.1 only. */
  port: number;
  databaseUrl: string;
  redisUrl: string;
  redisPrefix: string;
  superAdminIds?: readonly number[];
  /** 64 hex characters. */
  dataEncryptionKey: string;
  smtpUrl: string;
  supportChatId?: number;
  /** Language of the support chat's staff; the app's default applies when unset. */
  supportLanguage?: 'ru' | 'en';
  miniAppUrl: string;
  /** Polling by default; webhook mode needs `publicUrl` (the app's address as Telegram reaches it) and a secret. */
  botMode?: 'polling' | 'webhook';
  /** PUBLIC_URL: webhooks go to `<publicUrl>/telegram/<bot>/<secret>`. */
  publicUrl?: string;
  /** WEBHOOK_SECRET: 16-256 characters of A-Z, a-z, 0-9, _ and -. */
  webhookSecret?: string;
  /** STAR_RECONCILIATION_EVERY_MS: how often the worker compares Telegram's Stars transactions with ours. */
  starReconciliationEveryMs?: number;
  /** Serves /api/dev/init-data; development only. */
  devAuth?: boolean;
  logLevel?: string;
  /** Where the worker writes analytics NDJSON; by default a temp folder per Redis prefix (stacks never share). */
  analyticsDir?: string;
  /** FILES_DIR, one folder for app and worker (as a shared volume); by default a temp folder per Redis prefix. */
  filesDir?: string;
  /** The S3 stand-in (sandbox/s3) instead of local files: its endpoint, bucket, region and credentials. */
  s3?: { url: string; bucket: string; region: string; accessKeyId: string; secretAccessKey: string };
  /** The variables of the outside services' stand-ins (sandbox/stand-ins/stand-ins.ts: `startStandIns`). */
  services?: Record<string, string>;
}

/**
 * A complete environment, not an overlay of the caller's: a developer's shell may export BOT_TOKEN or
 * DATABASE_URL for real bots, and those must never leak into a sandboxed run. Only PATH and HOME are
 * inherited, which `node --import tsx` needs to find its tools and cache.
 */
export function buildAppEnv(opts: AppEnvOptions): Record<string, string> {
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? '',
    NODE_ENV: opts.nodeEnv,
    BOT_TOKEN: opts.userBotToken,
    ADMIN_BOT_TOKEN: opts.adminBotToken,
    TELEGRAM_API_ROOT: opts.telegramApiRoot,
    BOT_MODE: opts.botMode ?? 'polling',
    HOST: '127.0.0.1',
    PORT: String(opts.port),
    DATABASE_URL: opts.databaseUrl,
    REDIS_URL: opts.redisUrl,
    REDIS_PREFIX: opts.redisPrefix,
    SUPER_ADMIN_IDS: (opts.superAdminIds ?? []).join(','),
    DATA_ENCRYPTION_KEY: opts.dataEncryptionKey,
    SMTP_URL: opts.smtpUrl,
    MINIAPP_URL: opts.miniAppUrl,
    DEV_AUTH: opts.devAuth ? 'true' : 'false',
    LOG_LEVEL: opts.logLevel ?? 'info',
    ANALYTICS_DIR: opts.analyticsDir ?? join(tmpdir(), 'polygram-analytics', opts.redisPrefix),
    FILES_DIR: opts.filesDir ?? join(tmpdir(), 'polygram-files', opts.redisPrefix),
  };
  if (opts.publicUrl !== undefined) env.PUBLIC_URL = opts.publicUrl;
  if (opts.webhookSecret !== undefined) env.WEBHOOK_SECRET = opts.webhookSecret;
  if (opts.starReconciliationEveryMs !== undefined)
    env.STAR_RECONCILIATION_EVERY_MS = String(opts.starReconciliationEveryMs);
  if (opts.supportChatId !== undefined) env.SUPPORT_CHAT_ID = String(opts.supportChatId);
  if (opts.supportLanguage !== undefined) env.SUPPORT_LANGUAGE = opts.supportLanguage;
  if (opts.s3) {
    env.S3_ENDPOINT = opts.s3.url;
    env.S3_BUCKET = opts.s3.bucket;
    env.S3_REGION = opts.s3.region;
    env.S3_ACCESS_KEY_ID = opts.s3.accessKeyId;
    env.S3_SECRET_ACCESS_KEY = opts.s3.secretAccessKey;
  }
  Object.assign(env, opts.services);
  return env;
}
