import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { describe, it } from 'node:test';
import { RemnawaveWebhookNodeEvents, RemnawaveWebhookUserEvents } from '@remnawave/backend-contract';
import { panelNodeBody, panelUserBody } from '#tests/support/remnawave-bodies.ts';
import { MAX_WEBHOOK_BYTES, verifyPanelWebhook } from './verify-webhook.ts';

const SECRET = 'B1c2D3e4F5g6H7i8J9k0L1m2N3o4P5q6R7s8T9u0V1w2X3y4Z5a6B7c8D9e0F1g2';

/** The panel's own way: compact JSON of the payload, HMAC-SHA256 with the secret, hex. */
function signed(payload: unknown, secret = SECRET) {
  const rawBody = JSON.stringify(payload);
  return { rawBody, signature: createHmac('sha256', secret).update(rawBody).digest('hex') };
}

const user = panelUserBody({ id: 5, username: 'tg_5', telegramId: 5, status: 'ACTIVE' });

function userEvent(event: string, meta: unknown) {
  return { scope: 'user', event, timestamp: new Date().toISOString(), data: user, meta };
}

describe('verifyPanelWebhook', () => {
  it('accepts a correctly signed 3.x user.expiration event with its signed hours', () => {
    const payload = userEvent('user.expiration', { expiration: -72, notConnectedAfterHours: null });
    assert.ok(RemnawaveWebhookUserEvents.safeParse(payload).success, 'the payload is what the contract says');
    const result = verifyPanelWebhook({ ...signed(payload), secret: SECRET });
    assert.ok(result.ok, JSON.stringify(result));
    assert.equal(result.event.kind, 'user');
    if (result.event.kind !== 'user') return;
    assert.equal(result.event.event, 'user.expiration');
    assert.equal(result.event.hoursFromExpiry, -72);
    assert.equal(result.event.user.telegramId, 5);
    assert.equal(result.event.user.id, 5);
    assert.ok(result.event.user.expireAt instanceof Date, 'expireAt is a Date');
  });

  it('reads the pre-2.8 reminder names as user.expiration with the same signed hours', () => {
    const cases = [
      ['user.expires_in_72_hours', -72],
      ['user.expires_in_48_hours', -48],
      ['user.expires_in_24_hours', -24],
      ['user.expired_24_hours_ago', 24],
    ] as const;
    for (const [name, hours] of cases) {
      // Panels before 2.5 sent no scope and, before 3.x, a user with uuid rather than id.
      const { id: _id, ...oldUser } = { ...user, uuid: '0b6c5f0e-4a5e-4a51-9a59-1f5b7e8a9c10' };
      const payload = { event: name, timestamp: new Date().toISOString(), data: oldUser };
      const result = verifyPanelWebhook({ ...signed(payload), secret: SECRET });
      assert.ok(result.ok, name);
      assert.equal(result.event.kind, 'user');
      if (result.event.kind !== 'user') return;
      assert.equal(result.event.event, 'user.expiration');
      assert.equal(result.event.sentAs, name);
      assert.equal(result.event.hoursFromExpiry, hours);
      assert.equal(result.event.user.uuid, oldUser.uuid);
    }
  });

  it('parses other user events and node events', () => {
    const expired = verifyPanelWebhook({ ...signed(userEvent('user.expired', null)), secret: SECRET });
    assert.ok(
      expired.ok && expired.event.kind === 'user' && expired.event.event === 'user.expired',
      'user.expired',
    );
    assert.equal(
      expired.ok && expired.event.kind === 'user' ? expired.event.hoursFromExpiry : 'x',
      undefined,
    );

    const nodePayload = {
      scope: 'node',
      event: 'node.connection_lost',
      timestamp: new Date().toISOString(),
      data: panelNodeBody({ id: 3, name: 'Frankfurt', countryCode: 'DE', isConnected: false }),
    };
    assert.ok(
      RemnawaveWebhookNodeEvents.safeParse(nodePayload).success,
      'the node payload is what the contract says',
    );
    const node = verifyPanelWebhook({ ...signed(nodePayload), secret: SECRET });
    assert.ok(node.ok && node.event.kind === 'node', 'a node event');
    assert.equal(node.ok && node.event.kind === 'node' ? node.event.node.countryCode : '', 'DE');

    const service = {
      scope: 'service',
      event: 'service.panel_started',
      timestamp: new Date().toISOString(),
      data: {},
    };
    const other = verifyPanelWebhook({ ...signed(service), secret: SECRET });
    assert.ok(
      other.ok && other.event.kind === 'other' && other.event.event === 'service.panel_started',
      'a service event',
    );
  });

  it('refuses a missing, malformed or wrong signature', () => {
    const { rawBody, signature } = signed(userEvent('user.expired', null));
    assert.deepEqual(verifyPanelWebhook({ rawBody, signature: undefined, secret: SECRET }), {
      ok: false,
      refusal: 'missing_signature',
    });
    assert.deepEqual(verifyPanelWebhook({ rawBody, signature: 'not-hex', secret: SECRET }), {
      ok: false,
      refusal: 'bad_signature',
    });
    const otherKey = signed(userEvent('user.expired', null), 'x'.repeat(64)).signature;
    assert.deepEqual(verifyPanelWebhook({ rawBody, signature: otherKey, secret: SECRET }), {
      ok: false,
      refusal: 'bad_signature',
    });
    // The signature is over the raw bytes: the same JSON re-serialised with spaces does not verify.
    const spaced = JSON.stringify(JSON.parse(rawBody), null, 1);
    assert.deepEqual(verifyPanelWebhook({ rawBody: spaced, signature, secret: SECRET }), {
      ok: false,
      refusal: 'bad_signature',
    });
    assert.ok(
      verifyPanelWebhook({
        rawBody: Buffer.from(rawBody),
        signature: signature.toUpperCase(),
        secret: SECRET,
      }).ok,
      'an upper-case hex signature verifies too',
    );
  });

  it('refuses a body over 64 KB even when correctly signed', () => {
    const big = { ...userEvent('user.modified', null), padding: 'x'.repeat(MAX_WEBHOOK_BYTES) };
    assert.deepEqual(verifyPanelWebhook({ ...signed(big), secret: SECRET }), {
      ok: false,
      refusal: 'too_large',
    });
  });

  it('refuses a signed payload the panel would not send', () => {
    const noHours = userEvent('user.expiration', null);
    assert.deepEqual(verifyPanelWebhook({ ...signed(noHours), secret: SECRET }), {
      ok: false,
      refusal: 'malformed',
    });
    const noUser = { scope: 'user', event: 'user.expired', timestamp: new Date().toISOString(), data: {} };
    assert.deepEqual(verifyPanelWebhook({ ...signed(noUser), secret: SECRET }), {
      ok: false,
      refusal: 'malformed',
    });
    const body = 'not json';
    const signature = createHmac('sha256', SECRET).update(body).digest('hex');
    assert.deepEqual(verifyPanelWebhook({ rawBody: body, signature, secret: SECRET }), {
      ok: false,
      refusal: 'malformed',
    });
  });
});
