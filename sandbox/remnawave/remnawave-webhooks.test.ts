import assert from 'node:assert/strict';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { describe, test } from 'node:test';
import { CreateUserCommand, RemnawaveWebhookEventSchema } from '@remnawave/backend-contract';
import { startTestReceiver, type TTestReceiver } from '#sandbox/http-stand-in/test-receiver.ts';
import { startRemnawaveStandIn, type TRemnawaveStandIn } from './remnawave-stand-in.ts';
import { newUser, panelCaller, withPanel } from './remnawave-test-client.ts';

const SECRET = 'a'.repeat(32) + 'B'.repeat(32);

/** A receiver as the issue asks for: HMAC-SHA256 of the raw bytes, constant-time compare, 401 when wrong. */
async function withReceiver(
  run: (
    panel: TRemnawaveStandIn,
    call: ReturnType<typeof panelCaller>,
    receiver: TTestReceiver,
  ) => Promise<void>,
) {
  const receiver = await startTestReceiver(async ({ rawBody, headers }) => {
    const expected = createHmac('sha256', SECRET).update(rawBody).digest();
    const given = Buffer.from(String(headers['x-remnawave-signature'] ?? ''), 'hex');
    if (given.length !== expected.length || !timingSafeEqual(given, expected))
      return { status: 401, note: 'bad signature' };
    const payload = RemnawaveWebhookEventSchema.parse(JSON.parse(rawBody.toString('utf8')));
    const meta = 'meta' in payload ? JSON.stringify(payload.meta) : '';
    return { status: 200, note: `${payload.event} ${meta}`.trim() };
  });
  try {
    await withPanel((panel, call) => run(panel, call, receiver), {
      webhookUrl: receiver.url,
      webhookSecret: SECRET,
    });
  } finally {
    await receiver.close();
  }
}

describe('Remnawave stand-in: webhooks', () => {
  test('API changes are announced, signed with the secret; headers as the panel sends them', () =>
    withReceiver(async (panel, call, receiver) => {
      const user = CreateUserCommand.ResponseSchema.parse(
        (await call('POST', '/api/users', { body: newUser('hooked') })).json,
      ).response;
      await call('POST', `/api/users/${user.id}/actions/disable`);
      await call('POST', `/api/users/${user.id}/actions/revoke`);
      await panel.control.flushWebhooks();
      const created = await receiver.waitFor((r) => r.note.startsWith('user.created'));
      assert.equal(created.status, 200);
      assert.equal(created.headers['user-agent'], 'Remnawave');
      const body = JSON.parse(created.rawBody.toString('utf8'));
      assert.equal(created.headers['x-remnawave-timestamp'], body.timestamp);
      assert.equal(body.scope, 'user');
      assert.equal(body.data.id, user.id);
      assert.equal(body.meta, null, 'user-scope events always carry meta');
      assert.deepEqual(
        receiver.received.map((r) => r.note),
        ['user.created null', 'user.disabled null', 'user.revoked null'],
      );
    }));

  test('traffic drives first_connected, thresholds and limited; expiry sends user.expired', () =>
    withReceiver(async (panel, call, receiver) => {
      const id = CreateUserCommand.ResponseSchema.parse(
        (await call('POST', '/api/users', { body: newUser('traffic', { trafficLimitBytes: 100 }) })).json,
      ).response.id;
      panel.control.addTraffic(id, 85);
      panel.control.addTraffic(id, 20);
      panel.control.expire(id);
      await panel.control.flushWebhooks();
      assert.deepEqual(
        receiver.received.map((r) => r.note.split(' ')[0]),
        ['user.created', 'user.first_connected', 'user.bandwidth_usage_threshold_reached', 'user.limited'],
        'a LIMITED user is not ACTIVE, so the expiry job passes over them',
      );
    }));

  test('user.expiration carries the signed hours; hwid and node events have their scopes', () =>
    withReceiver(async (panel, call, receiver) => {
      const id = CreateUserCommand.ResponseSchema.parse(
        (await call('POST', '/api/users', { body: newUser('soon') })).json,
      ).response.id;
      panel.control.fireUserWebhook('user.expiration', id, { expiration: -72 });
      panel.control.addDevice(id, { hwid: 'phone' });
      panel.control.setNodeOnline('Frankfurt', false);
      panel.control.expire(id);
      await panel.control.flushWebhooks();
      assert.deepEqual(
        receiver.received.map((r) => r.note),
        [
          'user.created null',
          'user.expiration {"notConnectedAfterHours":null,"expiration":-72}',
          'user_hwid_devices.added',
          'node.connection_lost',
          'user.expired null',
        ],
      );
    }));

  test('a delivery signed with another secret is refused by a verifying receiver', () =>
    withReceiver(async (panel, _call, receiver) => {
      const body = {
        scope: 'errors',
        event: 'errors.bandwidth_usage_threshold_reached_max_notifications',
        timestamp: new Date().toISOString(),
        data: { description: 'x' },
      };
      assert.equal((await panel.control.sendWebhook(body)).status, 200);
      assert.equal((await panel.control.sendWebhook(body, { signWith: 'wrong-secret' })).status, 401);
      assert.equal((await panel.control.sendWebhook(body, { signWith: null })).status, 401);
      assert.equal(receiver.received.length, 3);
    }));

  test('a receiver answering non-2xx gets the delivery retried; any 2xx ends it', async () => {
    let calls = 0;
    const receiver = await startTestReceiver(async () => ({ status: ++calls === 1 ? 503 : 204, note: '' }));
    const panel = await startRemnawaveStandIn({
      webhookUrl: receiver.url,
      webhookRetry: { attempts: 3, delayMs: 5 },
    });
    try {
      await panelCaller(panel)('POST', '/api/users', { body: newUser('retry') });
      await panel.control.flushWebhooks();
      const [delivery] = panel.control.webhooks();
      assert.equal(delivery?.attempts, 2);
      assert.equal(delivery?.delivered, true, '204 counts as received');
    } finally {
      await panel.close();
      await receiver.close();
    }
  });
});
