import { randomBytes } from 'node:crypto';
import { createWriteStream, mkdirSync, type WriteStream } from 'node:fs';
import { createServer } from 'node:net';
import type { PrismaClient } from '#core/db/create-prisma.ts';
import type { TCryptoPayControl } from '#sandbox/cryptopay/cryptopay-stand-in.ts';
import { buildAppEnv } from '#sandbox/launch/app-env.ts';
import { signLaunchInitData } from '#sandbox/launch/miniapp-launch-url.ts';
import { type AppProcesses, startAppProcesses } from '#sandbox/launch/spawn-app-processes.ts';
import { type MailCatcher, startMailCatcher } from '#sandbox/mail/mail-catcher.ts';
import { startStandIns, type TRunningStandIns } from '#sandbox/stand-ins/stand-ins.ts';
import { TelegramTestClient } from '#sandbox/telegram/client.ts';
import { startTelegramServer } from '#sandbox/telegram/server.ts';
import type { TYooKassaControl } from '#sandbox/yookassa/yookassa-stand-in.ts';
import { createTestDatabase } from '#tests/support/test-database.ts';
import { createTestRedis, TEST_REDIS_URL } from '#tests/support/test-redis.ts';

const ROOT = new URL('../..', import.meta.url).pathname;

export interface TBotHandle {
  token: string;
  username: string;
}

export interface TInitDataUser {
  id: number;
  first_name: string;
  last_name?: string;
  username?: string;
  language_code?: string;
}

export interface Stack {
  /** http://127.0.0.1:PORT: /api, /health, /metrics and the built Mini App. */
  appUrl: string;
  telegram: TelegramTestClient;
  /** The local Bot API's root, for a grammY `Api` of a test's own. */
  telegramUrl: string;
  userBot: TBotHandle;
  adminBot: TBotHandle;
  mail: MailCatcher;
  db: PrismaClient;
  supportChatId: number;
  /** The YooKassa stand-in the app uses; its notifications go to the app's /webhooks/yookassa. */
  yookassa: { url: string; shopId: string; secretKey: string; control: TYooKassaControl };
  /** The Crypto Pay stand-in the app uses; its signed webhooks go to the app's /webhooks/cryptopay. */
  cryptopay: { url: string; token: string; control: TCryptoPayControl };
  /** The OpenAI-compatible stand-in: the app's `openai` and `gateway` providers, two keys. */
  openai: TRunningStandIns['ai']['control']['openai'];
  /** The prediction stand-in: the app's `replicate` provider, two tokens. */
  predictions: TRunningStandIns['ai']['control']['predictions'];
  /** The Remnawave panel stand-in the VPN service provisions on; its webhooks go to /webhooks/remnawave. */
  remnawave: TRunningStandIns['remnawave']['control'];
  signInitData(user: TInitDataUser, authDate?: Date): string;
  /** Stops the app process with SIGTERM and starts it again on the same port and data. */
  restartApp(): Promise<void>;
  /** SIGKILL to the app process (a crash: no shutdown hook runs); `restartApp()` brings it back. */
  killApp(): Promise<void>;
  /** The app's Redis prefix (keys and, with `:bull`, BullMQ queues). */
  redisPrefix: string;
  /** Everything the app and worker logged so far (JSON lines). */
  logs(): string;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

const botToken = (name: string) =>
  `${1_000_000 + Math.floor(Math.random() * 8_000_000)}:${name}${randomBytes(12).toString('hex')}`;

/**
 * The real app and worker processes, started the way production starts them, against a local Bot API, a
 * local SMTP catcher, a fresh database and a private Redis prefix. Every test file gets its own.
 */
export interface StackOptions {
  superAdminIds?: number[];
  name?: string;
  /** `webhook`: the app calls setWebhook at start and the local Bot API pushes updates to its route. */
  botMode?: 'polling' | 'webhook';
  /** How often the worker reconciles Stars payments with Telegram's transactions (default: the app's). */
  starReconciliationEveryMs?: number;
  /**
   * Start the VPN trial at the end of signup, as the product does (default off here: its "ready" notice
   * arrives whenever the worker gets to it, and tests of other features must not race it).
   */
  vpnTrialAtSignup?: boolean;
}

export async function startStack(opts: StackOptions = {}): Promise<Stack> {
  const name = opts.name ?? `stack-${process.pid}`;
  const telegramServer = await startTelegramServer({ port: 0 });
  const telegram = new TelegramTestClient(telegramServer.url);
  const mail = await startMailCatcher();
  const database = await createTestDatabase();
  const redis = await createTestRedis();
  const userBot = { token: botToken('user'), username: `polygram_${randomBytes(3).toString('hex')}_bot` };
  const adminBot = {
    token: botToken('admin'),
    username: `polygram_admin_${randomBytes(3).toString('hex')}_bot`,
  };
  await telegram.registerBot({ token: userBot.token, username: userBot.username, firstName: 'Polygram' });
  await telegram.registerBot({
    token: adminBot.token,
    username: adminBot.username,
    firstName: 'Polygram Admin',
  });
  const supportChatId = -1_000_000_000_000 - Math.floor(Math.random() * 1_000_000);

  const port = await freePort();
  const appUrl = `http://127.0.0.1:${port}`;
  const owned: (() => Promise<unknown>)[] = [];
  const services = await startStandIns({ appUrl, port: () => 0 }, (_name, close) => owned.push(close));
  const { yookassa, cryptopay, ai } = services.running;
  const env = buildAppEnv({
    nodeEnv: 'test',
    logLevel: process.env.TEST_LOG_LEVEL ?? 'info',
    userBotToken: userBot.token,
    adminBotToken: adminBot.token,
    telegramApiRoot: telegramServer.url,
    port,
    databaseUrl: database.url,
    redisUrl: TEST_REDIS_URL,
    redisPrefix: redis.prefix,
    superAdminIds: opts.superAdminIds,
    dataEncryptionKey: randomBytes(32).toString('hex'),
    smtpUrl: mail.smtpUrl,
    supportChatId,
    miniAppUrl: `${appUrl}/`,
    ...(opts.botMode === 'webhook'
      ? { botMode: 'webhook', publicUrl: appUrl, webhookSecret: randomBytes(24).toString('base64url') }
      : {}),
    starReconciliationEveryMs: opts.starReconciliationEveryMs,
    services: { ...services.env, VPN_TRIAL_AT_SIGNUP: opts.vpnTrialAtSignup ? 'true' : 'false' },
  });

  mkdirSync(`${ROOT}test-artifacts/logs`, { recursive: true });
  const logFile: WriteStream = createWriteStream(`${ROOT}test-artifacts/logs/${name}.log`);
  let logText = '';
  const closeServices = () =>
    Promise.allSettled([
      telegramServer.close(),
      mail.close(),
      ...owned.map((close) => close()),
      database.drop(),
      redis.cleanup(),
    ]);
  let processes: AppProcesses;
  try {
    processes = await startAppProcesses({
      env,
      sink: (label, text) => {
        logText += text;
        logFile.write(text.replace(/^/gm, `[${label}] `));
      },
    });
  } catch (error) {
    // A failed start must not leave a database, Redis keys and two listening servers behind.
    logFile.end();
    await closeServices();
    throw error;
  }

  return {
    appUrl,
    telegram,
    telegramUrl: telegramServer.url,
    userBot,
    adminBot,
    mail,
    db: database.db,
    supportChatId,
    yookassa: {
      url: yookassa.url,
      shopId: yookassa.control.shopId,
      secretKey: yookassa.control.secretKey,
      control: yookassa.control,
    },
    cryptopay: { url: cryptopay.url, token: cryptopay.control.token, control: cryptopay.control },
    openai: ai.control.openai,
    predictions: ai.control.predictions,
    remnawave: services.running.remnawave.control,
    signInitData: (user, authDate = new Date()) => signLaunchInitData(user, userBot.token, authDate),
    restartApp: () => processes.restartApp(),
    killApp: () => processes.killApp(),
    redisPrefix: redis.prefix,
    logs: () => logText,
    async stop() {
      await processes.stop();
      logFile.end();
      await closeServices();
    },
  };
}
