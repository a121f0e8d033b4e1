import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Queue } from 'bullmq';
import { Registry } from 'prom-client';
import type { BotDeps } from '#bots/shared/deps.ts';
import { createBotMetrics } from '#bots/shared/metrics.ts';
import { createUserBot, type UserBot } from '#bots/user/bot.ts';
import { AI_QUEUE, type TAiJob } from '#core/ai/generation/generation-job.ts';
import type { TAiGateway } from '#core/ai/providers/ai-gateway.ts';
import { loadEnv } from '#core/config/env.ts';
import { deriveKey } from '#core/crypto/secret-box.ts';
import type { PrismaClient } from '#core/db/create-prisma.ts';
import { createFileStore } from '#core/files/create-file-store.ts';
import { fileUrlKeyOf } from '#core/files/signed-url.ts';
import { LOCALES_DIR, loadTranslator } from '#core/i18n/translator.ts';
import { createLogger } from '#core/logging/logger.ts';
import { createMailer } from '#core/mail/mailer.ts';
import { NOTIFY_QUEUE, type TNotifyJob } from '#core/notify/notify-job.ts';
import type { Redis } from '#core/redis/create-redis.ts';

/**
 * The real user bot, wired as bots/main.ts wires it, around a given AI gateway (the bench's is the real one
 * with a timing tap). Silent logger and a mailer that points nowhere: neither is what is measured.
 */
export function createStreamingBot(input: {
  token: string;
  apiRoot: string;
  databaseUrl: string;
  redisUrl: string;
  redisPrefix: string;
  db: PrismaClient;
  redis: Redis;
  ai: TAiGateway;
}): { bot: UserBot; close(): Promise<void> } {
  const config = loadEnv({
    NODE_ENV: 'test',
    BOT_TOKEN: input.token,
    ADMIN_BOT_TOKEN: '1:bench-admin-bot-not-started',
    TELEGRAM_API_ROOT: input.apiRoot,
    DATABASE_URL: input.databaseUrl,
    REDIS_URL: input.redisUrl,
    REDIS_PREFIX: input.redisPrefix,
    DATA_ENCRYPTION_KEY: randomBytes(32).toString('hex'),
    FILES_DIR: join(tmpdir(), 'polygram-bench-files', input.redisPrefix),
    SMTP_URL: 'smtp://127.0.0.1:1',
    LOG_LEVEL: 'silent',
  });
  const queues = { connection: input.redis, prefix: `${input.redisPrefix}:bull` };
  const notifyQueue = new Queue<TNotifyJob>(NOTIFY_QUEUE, queues);
  // Chat replies run in the app process; the generation queue is there because the bot's other features take it.
  const aiQueue = new Queue<TAiJob>(AI_QUEUE, queues);
  const mailer = createMailer(config.SMTP_URL, config.MAIL_FROM);
  const deps: BotDeps = {
    config,
    db: input.db,
    redis: input.redis,
    logger: createLogger({ level: 'silent', name: 'bench' }),
    translator: loadTranslator(LOCALES_DIR),
    mailer,
    notifyQueue,
    metrics: createBotMetrics(new Registry()),
    emailCodeKey: deriveKey(config.DATA_ENCRYPTION_KEY, 'email-code'),
    miniAppUrl: null,
    gateways: {},
    ai: input.ai,
    fileStore: createFileStore(config),
    fileUrlKey: fileUrlKeyOf(config.DATA_ENCRYPTION_KEY),
    aiQueue,
  };
  const bot = createUserBot(config.BOT_TOKEN, deps);
  return {
    bot,
    async close() {
      mailer.close();
      await Promise.all([notifyQueue.close(), aiQueue.close()]);
    },
  };
}

/** The real gateway, with the moment each reply's first text came out of the provider stream recorded. */
export function tapFirstText(ai: TAiGateway, onFirst: (prompt: string, at: number) => void): TAiGateway {
  return {
    ...ai,
    async *streamChat(modelId, messages, signal) {
      let first = true;
      for await (const chunk of ai.streamChat(modelId, messages, signal)) {
        if (first && chunk.type === 'delta' && chunk.text) {
          first = false;
          onFirst(messages.at(-1)?.content ?? '', performance.now());
        }
        yield chunk;
      }
    },
  };
}
