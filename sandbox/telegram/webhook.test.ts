import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { test } from 'node:test';
import type { Update } from 'grammy/types';
import { callApi, startTestServer, tokenFor } from './test-support.ts';

const TOKEN = tokenFor(700301);
const USER_ID = 4001;

interface Delivery {
  secret: string | undefined;
  update: Update;
}

/** A webhook endpoint that fails its first `failures` requests, then answers with `reply`. */
async function startReceiver(failures: number, reply: unknown) {
  const deliveries: Delivery[] = [];
  let attempts = 0;
  const server: Server = createServer(async (req: IncomingMessage, res) => {
    attempts++;
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    if (attempts <= failures) {
      res.writeHead(500).end();
      return;
    }
    const secret = req.headers['x-telegram-bot-api-secret-token'];
    deliveries.push({
      secret: typeof secret === 'string' ? secret : undefined,
      update: JSON.parse(Buffer.concat(chunks).toString('utf8')) as Update,
    });
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(reply));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hook`,
    deliveries,
    attempts: () => attempts,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

async function until(condition: () => boolean | Promise<boolean>, timeoutMs = 3_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

test('webhook: updates are POSTed with the secret header, failures retried, replies executed', async () => {
  const { server, client } = await startTestServer();
  // The first delivery fails; the retry's answer asks Telegram to send a message (webhook reply).
  const receiver = await startReceiver(1, {
    method: 'sendMessage',
    chat_id: USER_ID,
    text: 'from webhook reply',
  });
  try {
    await client.upsertUser({ id: USER_ID, first_name: 'Hooked' });
    const set = await callApi(server, TOKEN, 'setWebhook', {
      url: receiver.url,
      secret_token: 'S3cret_token-1',
    });
    assert.deepEqual(set.body, { ok: true, result: true, description: 'Webhook was set' });

    await client.sendText({ token: TOKEN, userId: USER_ID, text: '/ping' });
    await until(() => receiver.deliveries.length === 1);
    assert.equal(receiver.attempts(), 2);
    assert.equal(receiver.deliveries[0]?.secret, 'S3cret_token-1');
    assert.equal(receiver.deliveries[0]?.update.message?.text, '/ping');

    const info = (await callApi(server, TOKEN, 'getWebhookInfo')).body.result as Record<string, unknown>;
    assert.equal(info.url, receiver.url);
    assert.equal(info.pending_update_count, 0);
    assert.equal(info.last_error_message, 'Wrong response from the webhook: 500 Internal Server Error');

    const reply = await client.waitForMessage({ token: TOKEN, chatId: USER_ID, predicate: () => true });
    assert.equal(reply.text, 'from webhook reply');

    const deliveries = await client.webhookDeliveries({ token: TOKEN });
    assert.deepEqual(
      deliveries.map((d) => [d.update.message?.text, d.status, d.ok, d.error]),
      [
        ['/ping', 500, false, 'Wrong response from the webhook: 500 Internal Server Error'],
        ['/ping', 200, true, undefined],
      ],
    );
  } finally {
    await server.close();
    await receiver.close();
  }
});

test('webhook: drop_pending_updates discards the queue', async () => {
  const { server, client } = await startTestServer();
  try {
    await client.upsertUser({ id: USER_ID, first_name: 'Hooked' });
    await client.sendText({ token: TOKEN, userId: USER_ID, text: 'stale' });
    // An unreachable webhook keeps the update pending.
    await callApi(server, TOKEN, 'setWebhook', { url: 'http://127.0.0.1:9/hook' });
    let info = (await callApi(server, TOKEN, 'getWebhookInfo')).body.result as Record<string, unknown>;
    assert.equal(info.pending_update_count, 1);
    await callApi(server, TOKEN, 'deleteWebhook', { drop_pending_updates: true });
    info = (await callApi(server, TOKEN, 'getWebhookInfo')).body.result as Record<string, unknown>;
    assert.deepEqual(info, { url: '', has_custom_certificate: false, pending_update_count: 0 });
  } finally {
    await server.close();
  }
});
