import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { aiConfigOf } from '#core/ai/providers/provider-config.ts';
import { loadEnv } from '#core/config/env.ts';
import { startStandIns, type TRunningStandIns } from '#sandbox/stand-ins/stand-ins.ts';
import { readSandboxConfig } from './sandbox-config.ts';
import { sandboxAppEnv, type TSandboxEndpoints } from './sandbox-env.ts';
import { ADMIN_BOT, SUPER_ADMIN, SUPPORT_CHAT, USER_BOT } from './sandbox-world.ts';

// The real list of stand-ins, started on free ports: what `npm run sandbox` gives the app.
const started: (() => Promise<unknown>)[] = [];
let services: TRunningStandIns;
let endpoints: TSandboxEndpoints;
before(async () => {
  const run = await startStandIns({ appUrl: 'http://127.0.0.1:4301', port: () => 0 }, (_name, close) =>
    started.push(close),
  );
  services = run.running;
  endpoints = {
    appPort: 4301,
    databaseUrl: 'postgresql://postgres:sandbox@127.0.0.1:54329/polygram_sandbox',
    redisUrl: 'redis://127.0.0.1:6399',
    telegramUrl: 'http://127.0.0.1:4302',
    smtpUrl: 'smtp://127.0.0.1:4325',
    services: run.env,
  };
});
after(() => Promise.all(started.map((close) => close())));

test('the app accepts the sandbox environment, and every outside service in it is a local stand-in', () => {
  const config = readSandboxConfig({}, '/repo/');
  const env = loadEnv(sandboxAppEnv(config, endpoints));
  assert.equal(env.BOT_TOKEN, USER_BOT.token);
  assert.equal(env.ADMIN_BOT_TOKEN, ADMIN_BOT.token);
  assert.equal(env.TELEGRAM_API_ROOT, endpoints.telegramUrl);
  assert.equal(env.DATABASE_URL, endpoints.databaseUrl);
  assert.equal(env.REDIS_URL, endpoints.redisUrl);
  assert.equal(env.SMTP_URL, endpoints.smtpUrl);
  assert.equal(env.YOOKASSA_API_URL, services.yookassa.url);
  assert.equal(env.CRYPTOPAY_API_URL, services.cryptopay.url);
  assert.equal(env.BIGQUERY_API_URL, services.bigquery.url);
  assert.deepEqual(env.SUPER_ADMIN_IDS, [BigInt(SUPER_ADMIN.id)]);
  assert.equal(env.SUPPORT_CHAT_ID, BigInt(SUPPORT_CHAT.id));
  assert.equal(env.MINIAPP_URL, 'http://127.0.0.1:4301/');
  assert.equal(env.PORT, 4301);
  assert.equal(env.HOST, '127.0.0.1');
  assert.equal(env.ANALYTICS_DIR, '/repo/.sandbox/analytics');
  assert.equal(env.DEV_AUTH, false);
  assert.equal(env.FILES_DIR, '/repo/.sandbox/files');
  assert.equal(env.WELCOME_GRANT_TOKENS, 20_000n, 'a new sandbox account can try the studio at once');
  assert.deepEqual(
    env.WELCOME_PROMO_CODES,
    ['WELCOME'],
    'the demo welcome code is advertised at zero balance',
  );
  // Every AI model routes to a provider the sandbox configured, and each provider is a local stand-in.
  const providers = aiConfigOf(env);
  for (const [model, routes] of Object.entries(providers.routes))
    for (const route of routes)
      assert.ok(
        providers.providers[route.provider],
        `${model} routes to "${route.provider}", which is configured`,
      );
  assert.deepEqual(
    Object.values(providers.providers)
      .map((p) => p.baseUrl)
      .sort(),
    [
      services.ai.control.openai.apiBase,
      services.ai.control.openai.apiBase,
      `${services.ai.control.predictions.url}/v1`,
    ].sort(),
  );
  const urls = Object.values(sandboxAppEnv(config, endpoints)).filter((value) => /^[a-z]+:\/\//.test(value));
  for (const url of urls) assert.match(url, /^[a-z]+:\/\/([^@/]+@)?127\.0\.0\.1:/, `${url} is local`);
});

test("nothing from the person's shell leaks in: real tokens and URLs they export stay out", () => {
  const saved = { BOT_TOKEN: process.env.BOT_TOKEN, OPENAI_API_KEY: process.env.OPENAI_API_KEY };
  process.env.BOT_TOKEN = '999:real-production-token';
  process.env.OPENAI_API_KEY = 'sk-real';
  try {
    const env = sandboxAppEnv(readSandboxConfig({}, '/repo/'), endpoints);
    assert.equal(env.BOT_TOKEN, USER_BOT.token);
    assert.equal(env.OPENAI_API_KEY, undefined);
  } finally {
    for (const [name, value] of Object.entries(saved))
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
  }
});
