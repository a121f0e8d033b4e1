import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { Writable } from 'node:stream';
import { test } from 'node:test';
import Fastify, { type FastifyBaseLogger } from 'fastify';
import { pino } from 'pino';
import { loadEnv } from '#core/config/env.ts';
import type { ServerDeps, TWebhookHandler } from '#server/deps.ts';
import { telegramWebhookRoutes } from './telegram.ts';

const SECRET = 'webhook_secret_0123456789';

/** The route alone: it reads the config's secret and the bots' handlers, nothing else of the deps. */
async function routeWith(user: TWebhookHandler) {
  const config = loadEnv({
    BOT_TOKEN: '111:user-token-for-route-tests',
    ADMIN_BOT_TOKEN: '222:admin-token-for-route-tests',
    DATABASE_URL: 'postgresql://unused',
    DATA_ENCRYPTION_KEY: randomBytes(32).toString('hex'),
    SMTP_URL: 'smtp://127.0.0.1:1',
    BOT_MODE: 'webhook',
    PUBLIC_URL: 'https://example.com',
    WEBHOOK_SECRET: SECRET,
  });
  const lines: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      lines.push(JSON.parse(String(chunk)));
      done();
    },
  });
  const app = Fastify({ loggerInstance: pino(sink) as FastifyBaseLogger });
  const deps = { config, webhooks: { user, admin: async () => {} } } as unknown as ServerDeps;
  telegramWebhookRoutes(app, deps);
  await app.ready();
  const post = (payload: unknown) =>
    app.inject({
      method: 'POST',
      url: `/telegram/user/${SECRET}`,
      payload: payload as Record<string, unknown>,
      headers: { 'x-telegram-bot-api-secret-token': SECRET },
    });
  return { app, post, lines };
}

const update = { update_id: 7, message: { message_id: 1, date: 1, chat: { id: 1, type: 'private' } } };

test('a handled update is answered 200, also when it failed outside the bot error handler (logged)', async () => {
  const handled: unknown[] = [];
  let fail = false;
  const { app, post, lines } = await routeWith(async (u) => {
    handled.push(u);
    if (fail) throw new Error('lost connection to 123456:AAbbCCddEEffGGhhIIjjKKllMM');
  });
  assert.equal((await post(update)).statusCode, 200);
  fail = true;
  // Telegram would repeat the update on anything but 2xx, and it would only fail again.
  assert.equal((await post({ ...update, update_id: 8 })).statusCode, 200);
  assert.deepEqual(
    handled.map((u) => (u as { update_id: number }).update_id),
    [7, 8],
  );
  const failure = lines.find((l) => l.msg === 'Telegram update failed outside the bot error handler');
  assert.equal(failure?.updateId, 8);
  assert.equal(failure?.err, 'lost connection to [bot-token]');
  await app.close();
});

test('a body that is not an update never reaches the bot', async () => {
  const handled: unknown[] = [];
  const { app, post } = await routeWith(async (u) => {
    handled.push(u);
  });
  assert.equal((await post({ message: { text: 'no update_id' } })).statusCode, 200);
  assert.equal((await post({ update_id: -1 })).statusCode, 200);
  assert.deepEqual(handled, []);
  await app.close();
});
