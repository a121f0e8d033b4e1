import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, test } from 'node:test';
import { callApi, startTestServer, type TestServer, tokenFor } from './test-support.ts';

const TOKEN = tokenFor(700201);
const USER_ID = 3001;

describe('getUpdates', () => {
  let t: TestServer;

  beforeEach(async () => {
    t = await startTestServer();
    await t.client.upsertUser({ id: USER_ID, first_name: 'Poller' });
  });
  afterEach(() => t.server.close());

  test('a long poll returns as soon as an update arrives', async () => {
    const started = Date.now();
    const poll = callApi(t.server, TOKEN, 'getUpdates', { timeout: 10 });
    setTimeout(() => void t.client.sendText({ token: TOKEN, userId: USER_ID, text: 'hi' }), 100);
    const { status, body } = await poll;
    assert.equal(status, 200);
    assert.ok(Date.now() - started < 2_000);
    const updates = body.result as Array<{ update_id: number; message: { text: string } }>;
    assert.equal(updates.length, 1);
    assert.equal(updates[0]?.message.text, 'hi');
  });

  test('a long poll returns [] after the timeout', async () => {
    const started = Date.now();
    const { body } = await callApi(t.server, TOKEN, 'getUpdates', { timeout: 1 });
    const elapsed = Date.now() - started;
    assert.deepEqual(body, { ok: true, result: [] });
    assert.ok(elapsed >= 950 && elapsed < 2_500, `took ${elapsed} ms`);
  });

  test('offset confirms earlier updates, limit caps the batch, update ids increase', async () => {
    for (const text of ['one', 'two', 'three'])
      await t.client.sendText({ token: TOKEN, userId: USER_ID, text });
    const first = (await callApi(t.server, TOKEN, 'getUpdates', { limit: 2 })).body.result as Array<{
      update_id: number;
    }>;
    assert.equal(first.length, 2);
    assert.equal((first[1]?.update_id ?? 0) - (first[0]?.update_id ?? 0), 1);
    const rest = (await callApi(t.server, TOKEN, 'getUpdates', { offset: (first[1]?.update_id ?? 0) + 1 }))
      .body.result as Array<{ message: { text: string } }>;
    assert.deepEqual(
      rest.map((u) => u.message.text),
      ['three'],
    );
    // Query-string parameters work too, as on Telegram.
    const viaGet = await fetch(`${t.server.url}/bot${TOKEN}/getUpdates?offset=-1`);
    const latest = (await viaGet.json()) as { result: Array<{ message: { text: string } }> };
    assert.equal(latest.result[0]?.message.text, 'three');
  });

  test('a newer getUpdates terminates the pending one with 409', async () => {
    const older = callApi(t.server, TOKEN, 'getUpdates', { timeout: 5 });
    await new Promise((resolve) => setTimeout(resolve, 50));
    const newer = callApi(t.server, TOKEN, 'getUpdates', { timeout: 0 });
    const [olderAnswer, newerAnswer] = await Promise.all([older, newer]);
    assert.equal(olderAnswer.status, 409);
    assert.deepEqual(olderAnswer.body, {
      ok: false,
      error_code: 409,
      description:
        'Conflict: terminated by other getUpdates request; make sure that only one bot instance is running',
    });
    assert.equal(newerAnswer.status, 200);
  });

  test('getUpdates conflicts with an active webhook', async () => {
    await callApi(t.server, TOKEN, 'setWebhook', { url: 'http://127.0.0.1:9/hook' });
    const { status, body } = await callApi(t.server, TOKEN, 'getUpdates');
    assert.equal(status, 409);
    assert.equal(
      body.description,
      "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first",
    );
    const deleted = await callApi(t.server, TOKEN, 'deleteWebhook');
    assert.deepEqual(deleted.body, { ok: true, result: true, description: 'Webhook was deleted' });
  });

  test('malformed tokens are 401, unknown methods 404, method names are case-insensitive', async () => {
    assert.deepEqual((await callApi(t.server, 'not-a-token', 'getMe')).body, {
      ok: false,
      error_code: 401,
      description: 'Unauthorized',
    });
    assert.deepEqual((await callApi(t.server, TOKEN, 'fooBar')).body, {
      ok: false,
      error_code: 404,
      description: 'Not Found',
    });
    const me = await callApi(t.server, TOKEN, 'GETME');
    assert.equal((me.body.result as { username: string }).username, 'bot700201');
    // Another secret for a known bot id is not that bot.
    assert.equal((await callApi(t.server, '700201:wrong', 'getMe')).status, 401);
  });

  test('close() ends a pending long poll promptly and frees the port', async () => {
    const poll = callApi(t.server, TOKEN, 'getUpdates', { timeout: 30 });
    await new Promise((resolve) => setTimeout(resolve, 50));
    const started = Date.now();
    await t.server.close();
    const { body } = await poll;
    assert.deepEqual(body, { ok: true, result: [] });
    assert.ok(Date.now() - started < 1_000);
    await assert.rejects(fetch(`${t.server.url}/bot${TOKEN}/getMe`));
  });
});
