import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream, mkdirSync, type WriteStream } from 'node:fs';
import { createServer } from 'node:net';
import { sign } from '@telegram-apps/init-data-node';
import type { PrismaClient } from '../../core/db/create-prisma.ts';
import { type MailCatcher, startMailCatcher } from '../../sandbox/mail/mail-catcher.ts';
import { TelegramTestClient } from '../../sandbox/telegram/client.ts';
import { startTelegramServer } from '../../sandbox/telegram/server.ts';
import { createTestDatabase } from '../support/test-database.ts';
import { createTestRedis, TEST_REDIS_URL } from '../support/test-redis.ts';

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
  userBot: TBotHandle;
  adminBot: TBotHandle;
  mail: MailCatcher;
  db: PrismaClient;
  supportChatId: number;
  signInitData(user: TInitDataUser, authDate?: Date): string;
  /** Stops the app process with SIGTERM and starts it again on the same port and data. */
  restartApp(): Promise<void>;
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
export async function startStack(opts: { superAdminIds?: number[]; name?: string } = {}): Promise<Stack> {
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
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? '',
    NODE_ENV: 'test',
    BOT_TOKEN: userBot.token,
    ADMIN_BOT_TOKEN: adminBot.token,
    TELEGRAM_API_ROOT: telegramServer.url,
    BOT_MODE: 'polling',
    HOST: '127.0.0.1',
    PORT: String(port),
    DATABASE_URL: database.url,
    REDIS_URL: TEST_REDIS_URL,
    REDIS_PREFIX: redis.prefix,
    SUPER_ADMIN_IDS: (opts.superAdminIds ?? []).join(','),
    DATA_ENCRYPTION_KEY: randomBytes(32).toString('hex'),
    SMTP_URL: mail.smtpUrl,
    SUPPORT_CHAT_ID: String(supportChatId),
    MINIAPP_URL: `${appUrl}/`,
    LOG_LEVEL: 'info',
  };

  mkdirSync(`${ROOT}test-artifacts/logs`, { recursive: true });
  const logFile: WriteStream = createWriteStream(`${ROOT}test-artifacts/logs/${name}.log`);
  let logText = '';
  const spawnEntry = (entry: string, label: string): ChildProcess => {
    const child = spawn(process.execPath, ['--import', 'tsx', entry], {
      cwd: ROOT,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const collect = (chunk: Buffer) => {
      const text = chunk.toString();
      logText += text;
      logFile.write(text.replace(/^/gm, `[${label}] `));
    };
    child.stdout?.on('data', collect);
    child.stderr?.on('data', collect);
    return child;
  };
  const waitForLog = async (child: ChildProcess, needle: string, since: number) => {
    const deadline = Date.now() + 60_000;
    while (!logText.slice(since).includes(needle)) {
      if (child.exitCode !== null)
        throw new Error(`process exited (${child.exitCode}) before "${needle}":\n${logText}`);
      if (Date.now() > deadline) throw new Error(`timed out waiting for "${needle}":\n${logText}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  };
  const stopChild = async (child: ChildProcess) => {
    if (child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  };

  let app = spawnEntry('bots/main.ts', 'app');
  const worker = spawnEntry('workers/main.ts', 'worker');
  try {
    await Promise.all([waitForLog(app, '"app started"', 0), waitForLog(worker, '"worker started"', 0)]);
  } catch (error) {
    await Promise.all([stopChild(app), stopChild(worker)]);
    throw error;
  }

  return {
    appUrl,
    telegram,
    userBot,
    adminBot,
    mail,
    db: database.db,
    supportChatId,
    signInitData: (user, authDate = new Date()) => sign({ user }, userBot.token, authDate),
    async restartApp() {
      await stopChild(app);
      const since = logText.length;
      app = spawnEntry('bots/main.ts', 'app');
      await waitForLog(app, '"app started"', since);
    },
    logs: () => logText,
    async stop() {
      await Promise.all([stopChild(app), stopChild(worker)]);
      logFile.end();
      await Promise.allSettled([telegramServer.close(), mail.close(), database.drop(), redis.cleanup()]);
    },
  };
}
