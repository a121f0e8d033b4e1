import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export type TDevLang = 'ru' | 'en';

export interface TDevUser {
  id: number;
  firstName: string;
  /** Sent with every message and Mini App launch, as Telegram does, so /find @username works. */
  username: string;
  language: TDevLang;
}

export interface DevConfig {
  appPort: number;
  /** Serves the page that frames the Mini App like Telegram Web does (scripts/dev/webview-host.ts). */
  webviewPort: number;
  telegramPort: number;
  smtpPort: number;
  mailHttpPort: number;
  databaseUrl: string;
  redisUrl: string;
  redisPrefix: string;
  logLevel: string;
  userBot: { token: string; username: string; firstName: string };
  adminBot: { token: string; username: string; firstName: string };
  /** The person at the keyboard; a super admin, so the admin bot works for them from the first minute. */
  devUser: TDevUser;
  /** Plays the staff side of the support group. */
  supportAgent: TDevUser;
  /** Ids at or below -1000000000000 are supergroups, like Telegram's support chats usually are. */
  supportChatId: number;
  /** Fixed so that secrets encrypted at rest in the dev database stay readable across runs. Dev only. */
  dataEncryptionKey: string;
  appUrl: string;
  webviewUrl: string;
  logDir: string;
}

// Fixed tokens: the dev database keeps users, sessions and signed-up state between runs, and the Mini App
// links printed earlier stay valid. They mean nothing outside the local Bot API.
const USER_BOT_TOKEN = '1000001:dev-user-bot-token-polygram-offline';
const ADMIN_BOT_TOKEN = '1000002:dev-admin-bot-token-polygram-offline';

function port(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1 || value > 65_535)
    throw new Error(`${name} must be a port number (1-65535), got "${raw}"`);
  return value;
}

/** ru when the terminal's locale is Russian, else en: the two languages the bots speak. */
export function languageFromLocale(locale: string | undefined): TDevLang {
  return locale?.toLowerCase().startsWith('ru') ? 'ru' : 'en';
}

export function readDevConfig(env: NodeJS.ProcessEnv): DevConfig {
  const appPort = port(env, 'DEV_PORT', 3000);
  const webviewPort = port(env, 'DEV_WEBVIEW_PORT', 3001);
  const language = languageFromLocale(env.LC_ALL || env.LC_MESSAGES || env.LANG);
  return {
    appPort,
    webviewPort,
    telegramPort: port(env, 'DEV_TELEGRAM_PORT', 8081),
    smtpPort: port(env, 'DEV_SMTP_PORT', 1025),
    mailHttpPort: port(env, 'DEV_MAIL_PORT', 8025),
    databaseUrl: env.DATABASE_URL || 'postgresql://postgres@127.0.0.1:5432/polygram_dev',
    redisUrl: env.REDIS_URL || 'redis://127.0.0.1:6379',
    redisPrefix: 'polygram_dev',
    logLevel: env.LOG_LEVEL || 'info',
    userBot: { token: USER_BOT_TOKEN, username: 'polygram_dev_bot', firstName: 'Polygram' },
    adminBot: { token: ADMIN_BOT_TOKEN, username: 'polygram_admin_dev_bot', firstName: 'Polygram Admin' },
    devUser: { id: 1001, firstName: 'Dev', username: 'dev', language },
    supportAgent: { id: 9001, firstName: 'Agent', username: 'support_agent', language },
    supportChatId: -1_000_000_000_001,
    dataEncryptionKey: 'de7de7de7de7de7de7de7de7de7de7de7de7de7de7de7de7de7de7de7de7de7d',
    appUrl: `http://127.0.0.1:${appPort}`,
    webviewUrl: `http://127.0.0.1:${webviewPort}/`,
    logDir: `${ROOT}.sandbox/logs`,
  };
}
