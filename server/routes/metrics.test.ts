import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { Counter, Registry } from 'prom-client';
import { createAiGateway } from '#core/ai/providers/create-ai-gateway.ts';
import { aiConfigOf } from '#core/ai/providers/provider-config.ts';
import { loadEnv } from '#core/config/env.ts';
import { LOCALES_DIR, loadTranslator } from '#core/i18n/translator.ts';
import { createLogger } from '#core/logging/logger.ts';
import { createServer } from '#server/create-server.ts';
import { createTestDatabase, type TestDatabase } from '#tests/support/test-database.ts';
import { createTestRedis, TEST_REDIS_URL, type TestRedis } from '#tests/support/test-redis.ts';

const TOKEN = 'metrics-token-0123456789abcdefghijklmnop';
let database: TestDatabase;
let redis: TestRedis;
const apps: FastifyInstance[] = [];

before(async () => {
  database = await createTestDatabase();
  redis = await createTestRedis();
});
after(async () => {
  for (const app of apps) await app.close();
  await database.drop();
  await redis.cleanup();
});

/** The real app server with one counter of its own in the registry it serves. */
async function server(env: Record<string, string>): Promise<FastifyInstance> {
  const config = loadEnv({
    BOT_TOKEN: '111:user-token-for-metrics-tests',
    ADMIN_BOT_TOKEN: '222:admin-token-for-metrics-tests',
    DATABASE_URL: database.url,
    REDIS_URL: TEST_REDIS_URL,
    REDIS_PREFIX: redis.prefix,
    DATA_ENCRYPTION_KEY: randomBytes(32).toString('hex'),
    SMTP_URL: 'smtp://127.0.0.1:1',
    ...env,
  });
  const metrics = new Registry();
  new Counter({ name: 'polygram_metrics_test_total', help: 'a probe', registers: [metrics] }).inc(3);
  const app = await createServer({
    config,
    db: database.db,
    redis: redis.redis,
    logger: createLogger({ level: 'silent', name: 'test' }),
    translator: loadTranslator(LOCALES_DIR),
    metrics,
    gateways: {},
    userBotUsername: 'polygram_test_bot',
    ai: createAiGateway({ config: aiConfigOf(config), redis: redis.redis, redisPrefix: redis.prefix }),
  });
  apps.push(app);
  return app;
}

const scrape = (app: FastifyInstance, headers: Record<string, string> = {}, remoteAddress?: string) =>
  app.inject({ url: '/metrics', headers, ...(remoteAddress && { remoteAddress }) });

test('with METRICS_TOKEN: no token or a wrong one is 401, the right bearer token gets the metrics', async () => {
  const app = await server({ METRICS_TOKEN: TOKEN, NODE_ENV: 'production' });
  const none = await scrape(app);
  assert.equal(none.statusCode, 401, 'even from loopback');
  assert.equal(none.headers['www-authenticate'], 'Bearer');
  assert.doesNotMatch(none.body, /polygram_metrics_test_total/);
  assert.equal((await scrape(app, { authorization: `Bearer ${TOKEN.slice(1)}` })).statusCode, 401);
  assert.equal((await scrape(app, { authorization: TOKEN })).statusCode, 401, 'the scheme is part of it');
  const ok = await scrape(app, { authorization: `Bearer ${TOKEN}` }, '203.0.113.9');
  assert.equal(ok.statusCode, 200);
  assert.match(String(ok.headers['content-type']), /^text\/plain/);
  assert.match(ok.body, /^polygram_metrics_test_total 3$/m);
});

test('without METRICS_TOKEN in production /metrics does not exist, from anywhere', async () => {
  const app = await server({ NODE_ENV: 'production' });
  const local = await scrape(app);
  assert.equal(local.statusCode, 404);
  assert.doesNotMatch(local.body, /polygram_metrics_test_total/);
  assert.equal((await scrape(app, { authorization: `Bearer ${TOKEN}` })).statusCode, 404);
});

test('without METRICS_TOKEN in development, loopback gets the metrics and nobody else does', async () => {
  const app = await server({ NODE_ENV: 'development' });
  const local = await scrape(app);
  assert.equal(local.statusCode, 200);
  assert.match(local.body, /^polygram_metrics_test_total 3$/m);
  assert.equal((await scrape(app, {}, '203.0.113.9')).statusCode, 404, 'a remote client');
  // A public client through a reverse proxy on this machine: the proxy's hop is trusted, the client is not local.
  assert.equal((await scrape(app, { 'x-forwarded-for': '203.0.113.9' })).statusCode, 404, 'proxied');
});
