import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { startRemnawaveStandIn, type TRemnawaveStandIn } from '#sandbox/remnawave/remnawave-stand-in.ts';
import { createPanelClient, panelUsernameFor, type TPanelClient } from './panel-client.ts';
import { isPanelError } from './panel-error.ts';

// The client and the sandbox's panel stand-in were written from the same contract package by different hands:
// here they meet, so a route, a field or an error either side got wrong shows up before the VPN service uses them.

let panel: TRemnawaveStandIn;
let client: TPanelClient;
before(async () => {
  panel = await startRemnawaveStandIn({ port: 0 });
  client = createPanelClient({
    baseUrl: panel.url,
    token: panel.token,
    timeoutMs: 5_000,
    maxAttempts: 3,
    retryBaseMs: 10,
  });
});
after(() => panel?.close());

const inDays = (days: number) => new Date(Date.now() + days * 86_400_000);

test('version check, nodes and squads read through the contract', async () => {
  assert.match(await client.checkVersion(), /^3\./, 'the stand-in reports a supported panel');
  assert.ok((await client.listNodes()).length > 0, 'the panel has nodes');
  assert.ok((await client.listInternalSquads()).length > 0, 'the panel has internal squads');
  panel.control.setVersion('2.8.1');
  await assert.rejects(
    client.checkVersion(),
    (error) => isPanelError(error, 'unsupported') && /2\.8\.1/.test(String(error)),
  );
  panel.control.setVersion('3.3.2');
});

test('ensureUser twice at once makes one panel user, found again by Telegram id', async () => {
  const telegramId = 777_000_123n;
  const input = { telegramId, expireAt: inDays(30), trafficLimitBytes: 0, hwidDeviceLimit: 3 };
  const [first, second] = await Promise.all([client.ensureUser(input), client.ensureUser(input)]);
  const a = first.user;
  const b = second.user;
  assert.deepEqual(
    [first.created, second.created].sort(),
    [false, true],
    'one call created it, the other found it',
  );
  assert.equal(a.id, b.id, 'one panel user');
  assert.equal(a.username, panelUsernameFor(telegramId));
  const found = await client.getUsersByTelegramId(telegramId);
  assert.deepEqual(
    found.map((u) => u.id),
    [a.id],
    'the stream filter finds exactly that user',
  );
  assert.equal(
    panel.control.users().filter((u) => u.username === a.username).length,
    1,
    'the panel holds one',
  );
});

test('revoke gives a new subscription link; disable and enable twice are fine; a past expiry is refused', async () => {
  const { user } = await client.ensureUser({ telegramId: 777_000_124n, expireAt: inDays(7) });
  const revoked = await client.revokeSubscription(user.id);
  assert.notEqual(revoked.shortUuid, user.shortUuid);
  assert.notEqual(revoked.subscriptionUrl, user.subscriptionUrl);
  await client.disableUser(user.id);
  await client.disableUser(user.id);
  await client.enableUser(user.id);
  await client.enableUser(user.id);
  await assert.rejects(client.updateUser(user.id, { expireAt: new Date(Date.now() - 86_400_000) }), (error) =>
    isPanelError(error, 'invalid'),
  );
  assert.equal(await client.getUserById(9_999_999), null, 'an unknown user reads as null');
});

test('a panel failing for a moment is retried; a request without the forwarded headers never gets an answer', async () => {
  panel.control.failNext({ count: 1, status: 503 });
  assert.ok((await client.listNodes()).length > 0, 'the read succeeded on the retry');
  const bare = await fetch(`${panel.apiBase}/system/metadata`, {
    headers: { authorization: `Bearer ${panel.token}` },
  }).then(
    () => 'answered',
    () => 'dropped',
  );
  assert.equal(
    bare,
    'dropped',
    'the panel drops plain-http requests without X-Forwarded-* (the client sends them)',
  );
});
