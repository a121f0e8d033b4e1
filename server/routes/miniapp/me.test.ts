import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { User } from '#core/db/generated/client.ts';
import { ZMeSchema } from '#server/contracts/me.ts';
import { type MiniAppTestServer, startMiniAppTestServer } from '#tests/support/miniapp-server.ts';
import { uniqueTelegramId } from '#tests/support/test-keys.ts';

let server: MiniAppTestServer;
const languageChanges: User[] = [];
before(async () => {
  server = await startMiniAppTestServer(
    {},
    { deps: () => ({ onLanguageChanged: async (user) => void languageChanges.push(user) }) },
  );
});
after(() => server?.close());

const patch = (id: bigint, body: unknown) =>
  server.app.inject({
    method: 'PATCH',
    url: '/api/me',
    headers: server.auth({ id }),
    payload: body as object,
  });
const stored = (id: bigint) => server.database.db.user.findUniqueOrThrow({ where: { id } });

test('the Mini App reports the device’s time zone: a real one is kept and shown by /api/me', async () => {
  const id = uniqueTelegramId();
  const before = ZMeSchema.parse(
    (await server.app.inject({ url: '/api/me', headers: server.auth({ id }) })).json(),
  );
  assert.equal(before.user.timeZone, null, 'unknown until reported');

  const saved = await patch(id, { timeZone: 'Asia/Yekaterinburg' });
  assert.equal(saved.statusCode, 200);
  assert.equal(ZMeSchema.parse(saved.json()).user.timeZone, 'Asia/Yekaterinburg');
  assert.equal((await stored(id)).timeZone, 'Asia/Yekaterinburg');
  assert.equal((await stored(id)).language, 'en', 'the language is left alone');
  assert.equal(languageChanges.length, 0, 'no language change was announced');
});

test('a zone Intl does not know, an offset or an empty body is refused and nothing changes', async () => {
  const id = uniqueTelegramId();
  assert.equal((await patch(id, { timeZone: 'Europe/Moscow' })).statusCode, 200);
  for (const body of [{ timeZone: 'Mars/Olympus_Mons' }, { timeZone: '+03:00' }, { timeZone: '' }, {}]) {
    const refused = await patch(id, body);
    assert.equal(refused.statusCode, 400, JSON.stringify(body));
    assert.equal(refused.json().error.code, 'INVALID_INPUT');
  }
  assert.equal((await stored(id)).timeZone, 'Europe/Moscow');
});

test('a language change from the Mini App is announced, so the bot can set the chat’s menu button', async () => {
  const id = uniqueTelegramId();
  const changed = await patch(id, { language: 'ru' });
  assert.equal(changed.statusCode, 200);
  assert.equal(ZMeSchema.parse(changed.json()).user.language, 'ru');
  assert.deepEqual(
    languageChanges.map((u) => [u.id, u.language]),
    [[id, 'ru']],
  );
});
