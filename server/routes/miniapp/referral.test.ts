import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { touchUser } from '#core/accounts/touch-user.ts';
import { LEDGER_TX_OPTIONS } from '#core/ledger/spend-tokens.ts';
import { creditTokens } from '#core/ledger/token-grants.ts';
import { ZReferralSchema } from '#server/contracts/referral.ts';
import {
  type MiniAppTestServer,
  startMiniAppTestServer,
  TEST_BOT_USERNAME,
} from '#tests/support/miniapp-server.ts';
import { uniqueTelegramId } from '#tests/support/test-keys.ts';

let server: MiniAppTestServer;
before(async () => {
  server = await startMiniAppTestServer();
});
after(() => server?.close());

test('GET /api/referral: the bot deep link with the user’s code, its QR code, invitees and earnings', async () => {
  const db = server.database.db;
  const inviter = (await touchUser(db, { id: uniqueTelegramId(), firstName: 'Host' })).user;
  const first = await touchUser(
    db,
    { id: uniqueTelegramId(), firstName: 'Early' },
    {
      referralCode: inviter.referralCode,
    },
  );
  const second = await touchUser(
    db,
    { id: uniqueTelegramId(), firstName: 'Payer' },
    {
      referralCode: inviter.referralCode,
    },
  );
  // Someone else's invitee must not count.
  await touchUser(db, { id: uniqueTelegramId(), firstName: 'Stranger' });
  await db.user.update({ where: { id: first.user.id }, data: { createdAt: new Date(Date.now() - 60_000) } });
  const payment = await db.payment.create({
    data: {
      userId: second.user.id,
      provider: 'stars',
      productId: 'pack-150k',
      product: { id: 'pack-150k' },
      amount: 100n,
      currency: 'XTR',
      status: 'succeeded',
      paidAt: new Date(),
    },
  });
  await db.$transaction(
    (tx) =>
      creditTokens(tx, {
        key: `referral-route:${payment.id}`,
        userId: inviter.id,
        amount: 75_000n,
        source: 'referral',
        expiresAt: null,
        type: 'referral',
        actor: { type: 'system' },
        reason: 'test',
      }),
    LEDGER_TX_OPTIONS,
  );

  const response = await server.app.inject({
    url: '/api/referral',
    headers: server.auth({ id: inviter.id }),
  });
  assert.equal(response.statusCode, 200, response.body);
  const referral = ZReferralSchema.parse(response.json());
  assert.equal(referral.code, inviter.referralCode);
  assert.equal(referral.link, `https://t.me/${TEST_BOT_USERNAME}?start=${inviter.referralCode}`);
  assert.deepEqual(referral.stats, { invited: 2, paying: 1, earnedTokens: '75000' });
  assert.deepEqual(
    referral.recent.map((r) => [r.firstName, r.paid]),
    [
      ['Payer', true],
      ['Early', false],
    ],
  );
  const png = Buffer.from(referral.qrDataUrl.slice('data:image/png;base64,'.length), 'base64');
  assert.deepEqual([...png.subarray(1, 4)], [...Buffer.from('PNG')], 'a PNG image');
  assert.ok(png.length > 1_000, 'a real QR code, not an empty image');
});
