import { randomBytes } from 'node:crypto';
import { Queue } from 'bullmq';
import { Registry } from 'prom-client';
import type { BotDeps } from '#bots/shared/deps.ts';
import { createBotMetrics } from '#bots/shared/metrics.ts';
import { createStarsGateway } from '#bots/shared/stars-gateway.ts';
import { createUserBot, type UserBot } from '#bots/user/bot.ts';
import { AI_QUEUE, type TAiJob } from '#core/ai/generation/generation-job.ts';
import { createAiGateway } from '#core/ai/providers/create-ai-gateway.ts';
import { aiConfigOf } from '#core/ai/providers/provider-config.ts';
import { loadEnv } from '#core/config/env.ts';
import { deriveKey } from '#core/crypto/secret-box.ts';
import { createPrisma } from '#core/db/create-prisma.ts';
import { createFileStore } from '#core/files/create-file-store.ts';
import { fileUrlKeyOf } from '#core/files/signed-url.ts';
import { LOCALES_DIR, loadTranslator } from '#core/i18n/translator.ts';
import { createLogger } from '#core/logging/logger.ts';
import { createMailer } from '#core/mail/mailer.ts';
import { NOTIFY_QUEUE, type TNotifyJob } from '#core/notify/notify-job.ts';
import type { PaymentGateways } from '#core/payments/payment-gateway.ts';
import { createRedis } from '#core/redis/create-redis.ts';
import type { TBotStart } from './bot-child-protocol.ts';

/**
 * The real user bot with the dependencies bots/main.ts gives it (same Prisma pool size, same Redis client,
 * same middleware stack), minus what /profile never touches: the mailer points nowhere and the logger is
 * silent so log I/O is not what we measure.
 */
export function createPolygramBot(start: TBotStart): { bot: UserBot; close(): Promise<void> } {
  if (!start.databaseUrl || !start.redisUrl || !start.redisPrefix)
    throw new Error('polygram bot needs databaseUrl, redisUrl and redisPrefix');
  const config = loadEnv({
    NODE_ENV: 'test',
    BOT_TOKEN: start.token,
    // Required by the config; the admin bot is not started.
    ADMIN_BOT_TOKEN: '1:bench-admin-bot-not-started',
    TELEGRAM_API_ROOT: start.apiRoot,
    BOT_MODE: 'polling',
    DATABASE_URL: start.databaseUrl,
    REDIS_URL: start.redisUrl,
    REDIS_PREFIX: start.redisPrefix,
    DATA_ENCRYPTION_KEY: randomBytes(32).toString('hex'),
    SMTP_URL: 'smtp://127.0.0.1:1',
    LOG_LEVEL: 'silent',
  });
  const db = createPrisma(config.DATABASE_URL);
  const redis = createRedis(config.REDIS_URL, 'bench-user-bot');
  const notifyQueue = new Queue<TNotifyJob>(NOTIFY_QUEUE, {
    connection: redis,
    prefix: `${config.REDIS_PREFIX}:bull`,
  });
  const aiQueue = new Queue<TAiJob>(AI_QUEUE, { connection: redis, prefix: `${config.REDIS_PREFIX}:bull` });
  const mailer = createMailer(config.SMTP_URL, config.MAIL_FROM);
  // Filled after the bot exists, as bots/main.ts does: the Stars gateway sends through the bot's Api.
  const gateways: PaymentGateways = {};
  const translator = loadTranslator(LOCALES_DIR);
  const deps: BotDeps = {
    config,
    db,
    redis,
    logger: createLogger({ level: config.LOG_LEVEL, name: 'bench' }),
    translator,
    mailer,
    notifyQueue,
    metrics: createBotMetrics(new Registry()),
    emailCodeKey: deriveKey(config.DATA_ENCRYPTION_KEY, 'email-code'),
    miniAppUrl: null,
    gateways,
    ai: createAiGateway({ config: aiConfigOf(config), redis, redisPrefix: config.REDIS_PREFIX }),
    aiQueue,
    fileStore: createFileStore(config),
    fileUrlKey: fileUrlKeyOf(config.DATA_ENCRYPTION_KEY),
  };
  const bot = createUserBot(config.BOT_TOKEN, deps);
  gateways.stars = createStarsGateway(bot.api, translator);
  return {
    bot,
    async close() {
      mailer.close();
      await notifyQueue.close();
      await aiQueue.close();
      await redis.quit();
      await db.$disconnect();
    },
  };
}
