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

test('a service’s variables (its env fragment) are parsed and checked with the platform’s', () => {
  const env = loadEnv({
    ...BASE,
    AI_PROVIDERS: JSON.stringify({
      openai: { type: 'openai', baseUrl: 'https://api.openai.com/v1', keys: ['k'] },
    }),
  });
  assert.deepEqual(env.AI_PROVIDERS.openai?.keys, ['k']);
  assert.deepEqual(env.AI_ROUTES, {});
  assert.throws(
    () => loadEnv({ ...BASE, AI_ROUTES: '{"no-such-model":[{"provider":"openai","model":"x"}]}', PORT: 'x' }),
    (error) =>
      error instanceof ConfigError &&
      error.problems.some((p) => p.startsWith('AI_ROUTES') && p.includes('no-such-model')) &&
      error.problems.some((p) => p.startsWith('PORT:')),
  );
  assert.throws(
    () => loadEnv({ ...BASE, AI_PROVIDERS: 'not json' }),
    (error) => error instanceof ConfigError && error.problems.some((p) => p.startsWith('AI_PROVIDERS:')),
  );
});

test('the welcome grant is off unless set, a whole number of tokens, and lasts until spent unless days are given', () => {
  const off = loadEnv({ ...BASE, WELCOME_GRANT_TOKENS: '' });
  assert.deepEqual([off.WELCOME_GRANT_TOKENS, off.WELCOME_GRANT_DAYS], [0n, 0]);
  const on = loadEnv({ ...BASE, WELCOME_GRANT_TOKENS: '20000', WELCOME_GRANT_DAYS: '30' });
  assert.deepEqual([on.WELCOME_GRANT_TOKENS, on.WELCOME_GRANT_DAYS], [20_000n, 30]);
  for (const bad of ['-5', '1.5', 'lots'])
    assert.throws(
      () => loadEnv({ ...BASE, WELCOME_GRANT_TOKENS: bad }),
      (error) =>
        error instanceof ConfigError && error.problems.some((p) => p.startsWith('WELCOME_GRANT_TOKENS:')),
      bad,
    );
});
