import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, test } from 'node:test';
import { Registry } from 'prom-client';
import { createAiGateway } from '#core/ai/providers/create-ai-gateway.ts';
import { aiConfigOf } from '#core/ai/providers/provider-config.ts';
import { loadEnv } from '#core/config/env.ts';
import { LOCALES_DIR, loadTranslator } from '#core/i18n/translator.ts';
import { createLogger } from '#core/logging/logger.ts';
import { createTestDatabase, type TestDatabase } from '#tests/support/test-database.ts';
import { createTestRedis, TEST_REDIS_URL, type TestRedis } from '#tests/support/test-redis.ts';
import { ZDevInitDataSchema, ZMeSchema } from './contracts/me.ts';
import { createServer } from './create-server.ts';
import type { ServerDeps } from './deps.ts';

const SECRET = 'webhook_secret_0123456789';
let database: TestDatabase;
let redis: TestRedis;

before(async () => {
  database = await createTestDatabase();
  redis = await createTestRedis();
});
after(async () => {
  await database.drop();
  await redis.cleanup();
});

function deps(overrides: Record<string, string>, webhooks?: ServerDeps['webhooks']): ServerDeps {
  const config = loadEnv({
    BOT_TOKEN: '111:user-token-for-server-tests',
    ADMIN_BOT_TOKEN: '222:admin-token-for-server-tests',
    DATABASE_URL: database.url,
    REDIS_URL: TEST_REDIS_URL,
    REDIS_PREFIX: redis.prefix,
    DATA_ENCRYPTION_KEY: randomBytes(32).toString('hex'),
    SMTP_URL: 'smtp://127.0.0.1:1',
    ...overrides,
  });
  return {
    config,
    db: database.db,
    redis: redis.redis,
    logger: createLogger({ level: 'silent', name: 'test' }),
    translator: loadTranslator(LOCALES_DIR),
    metrics: new Registry(),
    webhooks,
    gateways: {},
    userBotUsername: 'polygram_test_bot',
    ai: createAiGateway({ config: aiConfigOf(config), redis: redis.redis, redisPrefix: redis.prefix }),
  };
}

test('the dev initData route exists only with DEV_AUTH, and what it signs the API accepts', async () => {
  const off = await createServer(deps({}));
  assert.equal((await off.inject({ url: '/api/dev/init-data?userId=42' })).statusCode, 404);
  await off.close();

  const on = await createServer(deps({ DEV_AUTH: 'true' }));
  const signed = await on.inject({ url: '/api/dev/init-data?userId=42&firstName=Dev&language=ru' });
  const { initData } = ZDevInitDataSchema.parse(signed.json());
  const me = await on.inject({ url: '/api/me', headers: { authorization: `tma ${initData}` } });
  assert.equal(me.statusCode, 200);
  assert.equal(ZMeSchema.parse(me.json()).user.language, 'ru');
  assert.equal((await on.inject({ url: '/api/dev/init-data?userId=abc' })).statusCode, 400);
  // `bot=admin` signs as the admin bot: the user API refuses it, the admin API takes the signature (and then
  // refuses user 42 for having no staff role).
  const admin = ZDevInitDataSchema.parse(
    (await on.inject({ url: '/api/dev/init-data?userId=42&bot=admin' })).json(),
  );
  const adminAuth = { authorization: `tma ${admin.initData}` };
  assert.equal((await on.inject({ url: '/api/me', headers: adminAuth })).statusCode, 401);
  assert.equal((await on.inject({ url: '/api/admin/me', headers: adminAuth })).statusCode, 403);
  await on.close();
});

test('DEV_AUTH is refused in production', () => {
  assert.throws(
    () => deps({ DEV_AUTH: 'true', NODE_ENV: 'production' }),
    /DEV_AUTH: must not be enabled in production/,
  );
});

test('a webhook is accepted only with the secret in both the path and the header', async () => {
  const received: unknown[] = [];
  const app = await createServer(
    deps(
      { BOT_MODE: 'webhook', PUBLIC_URL: 'https://example.com', WEBHOOK_SECRET: SECRET },
      {
        user: async (update) => {
          received.push(update);
        },
        admin: async () => {},
      },
    ),
  );
  const update = {
    update_id: 1,
    message: { message_id: 1, date: 1, chat: { id: 1, type: 'private' }, text: 'hi' },
  };
  const post = (path: string, header?: string) =>
    app.inject({
      method: 'POST',
      url: path,
      payload: update,
      headers: header ? { 'x-telegram-bot-api-secret-token': header } : {},
    });
  assert.equal((await post(`/telegram/user/${SECRET}`)).statusCode, 401, 'no header');
  assert.equal(
    (await post(`/telegram/user/${SECRET}`, 'wrong_secret_0123456789')).statusCode,
    401,
    'wrong header',
  );
  assert.equal((await post('/telegram/user/wrong_secret_0123456789', SECRET)).statusCode, 401, 'wrong path');
  assert.equal(received.length, 0);
  assert.equal((await post(`/telegram/user/${SECRET}`, SECRET)).statusCode, 200);
  assert.deepEqual(received, [update]);
  await app.close();
});

test('a bad configuration names every offending variable', () => {
  assert.throws(
    () =>
      loadEnv({
        BOT_TOKEN: 'nope',
        DATABASE_URL: 'mysql://x',
        DATA_ENCRYPTION_KEY: 'short',
        SMTP_URL: 'smtp://x',
      }),
    (error: Error) =>
      ['BOT_TOKEN', 'ADMIN_BOT_TOKEN: ', 'DATABASE_URL', 'DATA_ENCRYPTION_KEY'].every((name) =>
        error.message.includes(name),
      ),
  );
  assert.throws(
    () => deps({ BOT_MODE: 'webhook' }),
    (error: Error) => error.message.includes('PUBLIC_URL') && error.message.includes('WEBHOOK_SECRET'),
  );
});
