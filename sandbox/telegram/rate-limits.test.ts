import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Bot, GrammyError } from 'grammy';
import { DEFAULT_RATE_LIMITS } from './server.ts';
import { startTestServer, tokenFor } from './test-support.ts';

const TOKEN = tokenFor(700101);
const USER_ID = 2001;

async function burst(bot: Bot, count: number) {
  return Promise.allSettled(
    Array.from({ length: count }, (_, i) => bot.api.sendMessage(USER_ID, `message ${i}`)),
  );
}

test('a burst of 40 messages into one chat hits 429 with retry_after', async () => {
  const { server, client } = await startTestServer();
  try {
    await client.upsertUser({ id: USER_ID, first_name: 'Flood' });
    const bot = new Bot(TOKEN, { client: { apiRoot: server.url } });
    const results = await burst(bot, 40);
    const sent = results.filter((r) => r.status === 'fulfilled');
    const rejected = results.flatMap((r) => (r.status === 'rejected' ? [r.reason as unknown] : []));

    // The per-chat bucket lets the burst through, then about one message per second.
    assert.ok(
      sent.length >= DEFAULT_RATE_LIMITS.perChatBurst && sent.length <= DEFAULT_RATE_LIMITS.perChatBurst + 1,
    );
    assert.equal(rejected.length, 40 - sent.length);
    const error = rejected[0];
    assert.ok(error instanceof GrammyError);
    assert.equal(error.error_code, 429);
    const retryAfter = error.parameters.retry_after;
    assert.ok(retryAfter !== undefined && Number.isInteger(retryAfter) && retryAfter >= 1);
    assert.equal(error.description, `Too Many Requests: retry after ${retryAfter}`);

    // Rejected sends were not stored.
    assert.equal((await client.messages({ token: TOKEN, chatId: USER_ID })).length, sent.length);
  } finally {
    await server.close();
  }
});

test('with limits: false the same burst goes through', async () => {
  const { server, client } = await startTestServer({ limits: false });
  try {
    await client.upsertUser({ id: USER_ID, first_name: 'Flood' });
    const bot = new Bot(TOKEN, { client: { apiRoot: server.url } });
    const results = await burst(bot, 40);
    assert.deepEqual(
      results.filter((r) => r.status === 'rejected'),
      [],
    );
    assert.equal((await client.messages({ token: TOKEN, chatId: USER_ID })).length, 40);
  } finally {
    await server.close();
  }
});

test('groups are limited to groupPerMinute messages', async () => {
  const limits = { perChatPerSecond: 100, perChatBurst: 100, globalPerSecond: 100, groupPerMinute: 3 };
  const { server, client } = await startTestServer({ limits });
  try {
    await client.upsertUser({ id: USER_ID, first_name: 'Member' });
    await client.createGroup({ id: -4001, title: 'Chatty', memberIds: [USER_ID], botTokens: [TOKEN] });
    const bot = new Bot(TOKEN, { client: { apiRoot: server.url } });
    for (let i = 0; i < 3; i++) await bot.api.sendMessage(-4001, `ok ${i}`);
    const error = await bot.api.sendMessage(-4001, 'one too many').catch((e: unknown) => e);
    assert.ok(error instanceof GrammyError);
    assert.equal(error.error_code, 429);
    // A token frees after 60 s / 3 = 20 s.
    assert.equal(error.parameters.retry_after, 20);
  } finally {
    await server.close();
  }
});
