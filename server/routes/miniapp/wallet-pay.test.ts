import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { touchUser } from '#core/accounts/touch-user.ts';
import { postTransaction } from '#core/ledger/post-transaction.ts';
import { ZWalletPaySchema } from '#server/contracts/wallet-pay.ts';
import { type MiniAppTestServer, startMiniAppTestServer } from '#tests/support/miniapp-server.ts';
import { uniqueTelegramId } from '#tests/support/test-keys.ts';

let server: MiniAppTestServer;
before(async () => {
  server = await startMiniAppTestServer();
});
after(() => server?.close());

async function buyer(kopecks: bigint) {
  const db = server.database.db;
  const userId = (await touchUser(db, { id: uniqueTelegramId(), firstName: 'B' })).user.id;
  await db.user.update({ where: { id: userId }, data: { language: 'ru' } });
  await db.$transaction((tx) =>
    postTransaction(tx, {
      key: `test-fund:${userId}`,
      type: 'manual',
      actor: { type: 'system' },
      reason: 'test funds',
      postings: [
        { account: { platform: 'adjustments', asset: 'RUB' }, amount: -kopecks },
        { account: { user: userId, asset: 'RUB' }, amount: kopecks },
      ],
    }),
  );
  return userId;
}

const pay = (userId: bigint, body: object) =>
  server.app.inject({
    method: 'POST',
    url: '/api/checkout/wallet',
    payload: body,
    headers: server.auth({ id: userId }),
  });

test('POST /api/checkout/wallet pays in place; the same key again is the same payment', async () => {
  const userId = await buyer(20_000n);
  const key = '6f1c2a9e-0b7d-4c55-9e1a-3d2f8b7c6a10';
  const first = await pay(userId, { productId: 'vpn-basic-30d', key });
  assert.equal(first.statusCode, 200, first.body);
  const body = ZWalletPaySchema.parse(first.json());
  assert.deepEqual([body.status, body.amount, body.balance], ['succeeded', '19900', '100']);
  const again = ZWalletPaySchema.parse((await pay(userId, { productId: 'vpn-basic-30d', key })).json());
  assert.equal(again.paymentId, body.paymentId);
  assert.equal(await server.database.db.payment.count({ where: { userId } }), 1);
});

test('too little in the wallet: 402 saying what is missing, nothing paid', async () => {
  const userId = await buyer(10_000n);
  const response = await pay(userId, { productId: 'vpn-basic-30d', key: 'a1b2c3d4e5f6' });
  assert.equal(response.statusCode, 402);
  assert.match(response.body, /не хватает 99 ₽/);
  assert.equal(await server.database.db.payment.count({ where: { userId } }), 0);
});

test('a body without a key, or a top-up paid with the wallet, is refused', async () => {
  const userId = await buyer(50_000n);
  assert.equal((await pay(userId, { productId: 'vpn-basic-30d' })).statusCode, 400);
  const circular = await pay(userId, { productId: 'wallet-topup-300', key: 'b1b2c3d4e5f6' });
  assert.equal(circular.statusCode, 400);
  assert.equal(await server.database.db.payment.count({ where: { userId } }), 0);
});
