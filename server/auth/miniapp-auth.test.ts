import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { touchUser } from '#core/accounts/touch-user.ts';
import { type MiniAppTestServer, startMiniAppTestServer } from '#tests/support/miniapp-server.ts';
import { uniqueTelegramId } from '#tests/support/test-keys.ts';

let server: MiniAppTestServer;
before(async () => {
  server = await startMiniAppTestServer();
});
after(() => server?.close());

const me = (id: bigint, ip: string) =>
  server.app.inject({ url: '/api/me', headers: server.auth({ id }), remoteAddress: ip });

test('ten sign-ups an hour from one address; the eleventh waits, and existing users are never held up', async () => {
  const ip = '203.0.113.7';
  const existing = (await touchUser(server.database.db, { id: uniqueTelegramId(), firstName: 'Old' })).user
    .id;
  for (let i = 0; i < 10; i++) assert.equal((await me(uniqueTelegramId(), ip)).statusCode, 200);
  const refusedId = uniqueTelegramId();
  const refused = await me(refusedId, ip);
  assert.equal(refused.statusCode, 429);
  assert.equal(refused.json().error.code, 'RATE_LIMITED');
  assert.equal(
    await server.database.db.user.count({ where: { id: refusedId } }),
    0,
    'no account was created',
  );
  assert.equal((await me(existing, ip)).statusCode, 200);
  assert.equal((await me(uniqueTelegramId(), '203.0.113.8')).statusCode, 200, 'another address signs up');
});

test('a banned user gets 403 USER_BANNED with the reason, from /api/me and every other route', async () => {
  const id = uniqueTelegramId();
  await touchUser(server.database.db, { id, firstName: 'Eve', languageCode: 'ru' });
  await server.database.db.user.update({
    where: { id },
    data: { status: 'banned', banReason: 'спам', language: 'ru' },
  });
  for (const url of ['/api/me', '/api/wallet', '/api/catalog']) {
    const refused = await server.app.inject({ url, headers: server.auth({ id, language: 'ru' }) });
    assert.equal(refused.statusCode, 403, url);
    assert.deepEqual(refused.json(), {
      error: {
        code: 'USER_BANNED',
        message: 'Ваш аккаунт заблокирован. Причина: спам',
        reason: 'спам',
      },
    });
  }
});
