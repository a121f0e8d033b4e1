import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { touchUser } from '#core/accounts/touch-user.ts';
import { type MiniAppTestServer, startMiniAppTestServer } from '#tests/support/miniapp-server.ts';
import { uniqueTelegramId } from '#tests/support/test-keys.ts';

let server: MiniAppTestServer;
before(async () => {
  server = await startMiniAppTestServer();
});
after(() => server.close());

/** A provisioned subscription as the panel sync leaves it: a short id and the link built on it. */
async function subscription(shortUuid: string, opts: { disabled?: boolean } = {}) {
  const userId = uniqueTelegramId();
  await touchUser(server.database.db, { id: userId, firstName: 'Anna', languageCode: 'en' });
  const subscriptionUrl = `https://sub.example.com/api/sub/${shortUuid}`;
  await server.database.db.vpnSubscription.create({
    data: {
      userId,
      tier: 'basic',
      expiresAt: new Date(Date.now() + 30 * 86_400_000),
      trafficLimitBytes: 0n,
      trafficStrategy: 'NO_RESET',
      deviceLimit: 2,
      squads: ['standard'],
      panelUserId: 1,
      shortUuid,
      subscriptionUrl,
      disabledAt: opts.disabled ? new Date() : null,
    },
  });
  return subscriptionUrl;
}

test('a known short id: a page that sends the browser to the app, with a nonce CSP and no referrer', async () => {
  const url = await subscription('Ab3dEf6hIj');
  const res = await server.app.inject({
    url: '/vpn/import/happ?s=Ab3dEf6hIj',
    headers: { 'accept-language': 'ru-RU,ru;q=0.9' },
  });
  assert.equal(res.statusCode, 200);
  assert.match(String(res.headers['content-type']), /^text\/html/);
  const csp = String(res.headers['content-security-policy']);
  const nonce = /script-src 'nonce-([A-Za-z0-9+/=]+)'/.exec(csp)?.[1];
  assert.ok(nonce, csp);
  assert.match(csp, /default-src 'none'/);
  assert.ok(!csp.includes('unsafe-inline'));
  assert.equal(res.headers['referrer-policy'], 'no-referrer');
  assert.equal(res.headers['cache-control'], 'no-store');
  const script = new RegExp(`<script nonce="${nonce.replace(/[+/=]/g, '\\$&')}">([^<]*)</script>`).exec(
    res.body,
  )?.[1];
  assert.equal(script, `location.href = ${JSON.stringify(`happ://add/${url}`)};`);
  assert.ok(res.body.includes(`<code>${url}</code>`), 'the link to copy');
  assert.ok(res.body.includes('Открыть Happ'), 'in the browser’s language');
  assert.ok(res.body.includes('href="https://www.happ.su/main"'), 'where to get the app');

  const v2ray = await server.app.inject({ url: '/vpn/import/v2rayng?s=Ab3dEf6hIj' });
  assert.equal(v2ray.statusCode, 200);
  assert.ok(v2ray.body.includes('Open v2rayNG'));
  assert.ok(
    v2ray.body.includes(`v2rayng://install-config?name=Polygram%20VPN&amp;url=${encodeURIComponent(url)}`),
    'the attribute is escaped',
  );
});

test('unknown, revoked or switched-off links and unknown apps get a 404 page', async () => {
  await subscription('Off0000001', { disabled: true });
  for (const path of [
    '/vpn/import/happ?s=NoSuchId99',
    '/vpn/import/happ?s=Off0000001',
    '/vpn/import/nosuchapp?s=Ab3dEf6hIj',
    '/vpn/import/happ?s=%3Cscript%3E',
    '/vpn/import/happ',
  ]) {
    const res = await server.app.inject({ url: path });
    assert.equal(res.statusCode, 404, path);
    assert.match(String(res.headers['content-security-policy']), /default-src 'none'/);
    assert.ok(res.body.includes('Link not found'), path);
    assert.ok(!res.body.includes('<script'), 'nothing runs on the error page');
  }
});
