import { randomBytes } from 'node:crypto';
import { sign } from '@telegram-apps/init-data-node';
import type { FastifyInstance } from 'fastify';
import { Registry } from 'prom-client';
import { createAiGateway } from '#core/ai/providers/create-ai-gateway.ts';
import { aiConfigOf } from '#core/ai/providers/provider-config.ts';
import { loadEnv, type TEnv } from '#core/config/env.ts';
import { LOCALES_DIR, loadTranslator } from '#core/i18n/translator.ts';
import { createLogger } from '#core/logging/logger.ts';
import type { PaymentGateways } from '#core/payments/payment-gateway.ts';
import { createServer } from '#server/create-server.ts';
import type { ServerDeps } from '#server/deps.ts';
import { createTestDatabase, type TestDatabase } from './test-database.ts';
import { createTestRedis, TEST_REDIS_URL, type TestRedis } from './test-redis.ts';

const BOT_TOKEN = '111:user-token-for-miniapp-route-tests';
export const TEST_BOT_USERNAME = 'polygram_test_bot';

export interface MiniAppTestServer {
  app: FastifyInstance;
  database: TestDatabase;
  config: TEnv;
  redis: TestRedis;
  /** `Authorization` header of a Mini App launch by this Telegram user, signed with the bot token. */
  auth(user: { id: bigint; firstName?: string; language?: 'en' | 'ru' }): { authorization: string };
  close(): Promise<void>;
}

export interface TMiniAppTestOptions {
  /** More environment (FILES_DIR, AI_PROVIDERS …) on top of the minimal one. */
  env?: Record<string, string>;
  /** Dependencies some routes need (a file store, the `ai` queue), built from the server's config and Redis. */
  deps?: (built: { config: TEnv; redis: TestRedis }) => Partial<ServerDeps>;
}

/** The real Fastify app over a fresh database and Redis prefix, for `inject` tests of /api routes. */
export async function startMiniAppTestServer(
  gateways: PaymentGateways = {},
  opts: TMiniAppTestOptions = {},
): Promise<MiniAppTestServer> {
  const database = await createTestDatabase();
  const redis: TestRedis = await createTestRedis();
  const config = loadEnv({
    BOT_TOKEN,
    ADMIN_BOT_TOKEN: '222:admin-token-for-miniapp-route-tests',
    DATABASE_URL: database.url,
    REDIS_URL: TEST_REDIS_URL,
    REDIS_PREFIX: redis.prefix,
    DATA_ENCRYPTION_KEY: randomBytes(32).toString('hex'),
    SMTP_URL: 'smtp://127.0.0.1:1',
    ...opts.env,
  });
  const app = await createServer({
    config,
    db: database.db,
    redis: redis.redis,
    logger: createLogger({ level: 'silent', name: 'test' }),
    translator: loadTranslator(LOCALES_DIR),
    metrics: new Registry(),
    gateways,
    userBotUsername: TEST_BOT_USERNAME,
    ai: createAiGateway({ config: aiConfigOf(config), redis: redis.redis, redisPrefix: redis.prefix }),
    ...opts.deps?.({ config, redis }),
  });
  return {
    app,
    database,
    config,
    redis,
    auth: (user) => ({
      authorization: `tma ${sign(
        {
          user: {
            id: Number(user.id),
            first_name: user.firstName ?? 'Test',
            language_code: user.language ?? 'en',
          },
        },
        BOT_TOKEN,
        new Date(),
      )}`,
    }),
    async close() {
      await app.close();
      await database.drop();
      await redis.cleanup();
    },
  };
}
