import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Registry } from 'prom-client';
import { loadEnv } from '#core/config/env.ts';
import { createLogger } from '#core/logging/logger.ts';
import { createWorkerContext, type TBuiltWorkerContext } from '#workers/worker-context.ts';
import type { TestDatabase } from './test-database.ts';
import { TEST_REDIS_URL, type TestRedis } from './test-redis.ts';

export interface TTestWorkerContextOptions {
  database: TestDatabase;
  redis: TestRedis;
  /** More environment on top of the minimal one: bot tokens, TELEGRAM_API_ROOT, AI_PROVIDERS, FILES_DIR… */
  env?: Record<string, string>;
  logLevel?: string;
}

/**
 * The worker's real context (workers/worker-context.ts) over a test database and Redis prefix, with a
 * registry of its own. By default Telegram points at a port where nothing listens: a job that must not
 * talk to Telegram fails loudly if it tries. Jobs are started with workers/runtime/start-job.ts as in production.
 */
export function createTestWorkerContext(opts: TTestWorkerContextOptions): TBuiltWorkerContext {
  const config = loadEnv({
    NODE_ENV: 'test',
    BOT_TOKEN: '100:worker-test-user-bot',
    ADMIN_BOT_TOKEN: '200:worker-test-admin-bot',
    TELEGRAM_API_ROOT: 'http://127.0.0.1:9',
    DATABASE_URL: opts.database.url,
    REDIS_URL: TEST_REDIS_URL,
    REDIS_PREFIX: opts.redis.prefix,
    DATA_ENCRYPTION_KEY: randomBytes(32).toString('hex'),
    SMTP_URL: 'smtp://127.0.0.1:1',
    FILES_DIR: join(tmpdir(), 'polygram-files', opts.redis.prefix),
    ANALYTICS_DIR: join(tmpdir(), 'polygram-analytics', opts.redis.prefix),
    ...opts.env,
  });
  return createWorkerContext(
    config,
    {
      logger: createLogger({ level: opts.logLevel ?? 'silent', name: 'test' }),
      db: opts.database.db,
      redis: opts.redis.redis,
      queuePrefix: `${opts.redis.prefix}:bull`,
    },
    new Registry(),
  );
}
