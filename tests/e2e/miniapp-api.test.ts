import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { ZApiErrorSchema, ZMeSchema } from '#server/contracts/me.ts';
import { Chat } from './chat.ts';
import { uniqueUserId } from './ids.ts';
import { type Stack, startStack } from './stack.ts';

let stack: Stack;
before(async () => {
  stack = await startStack({ name: 'miniapp-api' });
});
after(() => stack?.stop());

const api = (
  path: string,
  init: { initData?: string; method?: string; body?: unknown; lang?: string } = {},
) =>
  fetch(`${stack.appUrl}${path}`, {
    method: init.method ?? 'GET',
    headers: {
      ...(init.initData !== undefined ? { authorization: `tma ${init.initData}` } : {}),
      ...(init.body !== undefined ? { 'content-type': 'application/json' } : {}),
      'accept-language': init.lang ?? 'en',
      'user-agent': 'PolygramTest/1.0',
    },
    body: init.body !== undefined ? JSON.stringify(init.body) : undefined,
  });

test('valid initData opens the profile and records one session per launch', async () => {
  const id = uniqueUserId();
  const initData = stack.signInitData({ id, first_name: 'Mia', username: `mia${id}`, language_code: 'ru' });
  const first = await api('/api/me', { initData });
  assert.equal(first.status, 200);
  const me = ZMeSchema.parse(await first.json());
  assert.equal(me.user.id, String(id));
  assert.equal(me.user.language, 'ru');
  assert.equal(me.user.username, `mia${id}`);
  assert.equal((await api('/api/me', { initData })).status, 200);

  const events = await stack.db.loginEvent.findMany({ where: { userId: BigInt(id), source: 'miniapp' } });
  assert.equal(events.length, 1, 'one launch, one session event');
  assert.equal(events[0]?.userAgent, 'PolygramTest/1.0');
  assert.equal(events[0]?.ip, '127.0.0.1');

  const relaunch = stack.signInitData(
    { id, first_name: 'Mia', language_code: 'ru' },
    new Date(Date.now() - 5000),
  );
  assert.equal((await api('/api/me', { initData: relaunch })).status, 200);
  assert.equal(await stack.db.loginEvent.count({ where: { userId: BigInt(id), source: 'miniapp' } }), 2);
});

test('tampered, foreign, expired and missing initData get 401 with a localized message', async () => {
  const id = uniqueUserId();
  const good = stack.signInitData({ id, first_name: 'Max' });
  const tampered = good.replace(encodeURIComponent(`"id":${id}`), encodeURIComponent(`"id":${id + 1}`));
  assert.notEqual(tampered, good);
  const expired = stack.signInitData({ id, first_name: 'Max' }, new Date(Date.now() - 2 * 86_400_000));
  for (const initData of [tampered, expired, '', 'query_id=1&user=%7B%7D&auth_date=1&hash=00']) {
    const response = await api('/api/me', { initData, lang: 'ru-RU,ru;q=0.9' });
    assert.equal(response.status, 401, initData.slice(0, 40));
    const body = ZApiErrorSchema.parse(await response.json());
    assert.equal(body.error.code, 'UNAUTHORIZED');
    assert.match(body.error.message, /Откройте приложение из Telegram/);
  }
  assert.equal((await api('/api/me')).status, 401);
  assert.equal(await stack.db.user.count({ where: { id: { in: [BigInt(id), BigInt(id + 1)] } } }), 0);
  assert.match(stack.logs(), /initData refused/);
});

test('the language can be changed; bad input changes nothing; banned users are refused', async () => {
  const id = uniqueUserId();
  const initData = stack.signInitData({ id, first_name: 'Ola', language_code: 'en' });
  const bad = await api('/api/me', { initData, method: 'PATCH', body: { language: 'fr' } });
  assert.equal(bad.status, 400);
  assert.equal(ZApiErrorSchema.parse(await bad.json()).error.code, 'INVALID_INPUT');
  assert.equal((await stack.db.user.findUniqueOrThrow({ where: { id: BigInt(id) } })).language, 'en');

  const ok = await api('/api/me', { initData, method: 'PATCH', body: { language: 'ru' } });
  assert.equal(ZMeSchema.parse(await ok.json()).user.language, 'ru');

  await stack.db.user.update({ where: { id: BigInt(id) }, data: { status: 'banned', banReason: 'fraud' } });
  const banned = await api('/api/me', { initData });
  assert.equal(banned.status, 403);
  const body = ZApiErrorSchema.parse(await banned.json());
  assert.equal(body.error.code, 'USER_BANNED');
  assert.match(body.error.message, /Причина: fraud/);
});

test('health checks both stores and metrics count bot updates', async () => {
  const id = uniqueUserId();
  await stack.telegram.upsertUser({ id, first_name: 'Metric', language_code: 'en' });
  const chat = new Chat(stack.telegram, stack.userBot.token, id);
  await chat.send('/start');
  await chat.expect('Welcome to Polygram');
  const health = await fetch(`${stack.appUrl}/health`);
  assert.deepEqual(await health.json(), { ok: true, postgres: true, redis: true });
  const metrics = await (await fetch(`${stack.appUrl}/metrics`)).text();
  assert.match(metrics, /polygram_bot_updates_total\{bot="user",type="message"\} [1-9]/);
  assert.match(metrics, /polygram_bot_handler_seconds_count\{bot="user"\} [1-9]/);
  assert.match(metrics, /process_cpu_user_seconds_total/);
});
