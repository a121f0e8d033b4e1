import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ConfigError, loadEnv } from './env.ts';

const BASE = {
  BOT_TOKEN: '123:user-token',
  ADMIN_BOT_TOKEN: '456:admin-token',
  DATABASE_URL: 'postgresql://postgres@127.0.0.1:5432/polygram',
  DATA_ENCRYPTION_KEY: 'ab'.repeat(32),
  SMTP_URL: 'smtp://127.0.0.1:25',
};

test('an empty value, as left by copying .env.example, counts as not set', () => {
  const env = loadEnv({ ...BASE, YOOKASSA_SHOP_ID: '', YOOKASSA_SECRET_KEY: '', PORT: '', DEV_AUTH: '' });
  assert.equal(env.YOOKASSA_SHOP_ID, undefined);
  assert.equal(env.PORT, 3000);
  assert.equal(env.DEV_AUTH, false);
});

test('a bad or missing value stops start-up naming every variable at fault', () => {
  assert.throws(
    () => loadEnv({ ...BASE, BOT_TOKEN: 'nonsense', DATABASE_URL: '' }),
    (error) =>
      error instanceof ConfigError &&
      error.problems.some((p) => p.startsWith('BOT_TOKEN:')) &&
      error.problems.some((p) => p.startsWith('DATABASE_URL:') && p.endsWith('(not set)')),
  );
});

test('metrics settings: the worker endpoint is off unless a port is given, and a short token is refused', () => {
  const off = loadEnv({ ...BASE, WORKER_METRICS_PORT: '', METRICS_TOKEN: '' });
  assert.equal(off.WORKER_METRICS_PORT, undefined);
  assert.equal(off.METRICS_TOKEN, undefined);
  assert.equal(loadEnv({ ...BASE, WORKER_METRICS_PORT: '9464' }).WORKER_METRICS_PORT, 9464);
  assert.throws(
    () => loadEnv({ ...BASE, METRICS_TOKEN: 'short', WORKER_METRICS_PORT: '70000' }),
    (error) =>
      error instanceof ConfigError &&
      error.problems.some((p) => p.startsWith('METRICS_TOKEN:')) &&
      error.problems.some((p) => p.startsWith('WORKER_METRICS_PORT:')),
  );
});
