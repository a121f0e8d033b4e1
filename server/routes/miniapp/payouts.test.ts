import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { touchUser } from '#core/accounts/touch-user.ts';
import { postTransaction } from '#core/ledger/post-transaction.ts';
import { parseRate } from '#core/payouts/payout-rate.ts';
import { setPayoutRate } from '#core/payouts/set-payout-rate.ts';
import { ZApiErrorSchema } from '#server/contracts/me.ts';
import { ZCreatedPayoutSchema, ZPayoutsSchema } from '#server/contracts/payouts.ts';
import { assertBooksBalance } from '#tests/support/ledger-books.ts';
import { type MiniAppTestServer, startMiniAppTestServer } from '#tests/support/miniapp-server.ts';
import { uniqueTelegramId } from '#tests/support/test-keys.ts';

let server: MiniAppTestServer;
let ownerId: bigint;
before(async () => {
  server = await startMiniAppTestServer();
  const db = server.database.db;
  const finance = (await touchUser(db, { id: uniqueTelegramId(), firstName: 'Fin' })).user;
  await setPayoutRate(db, {
    staff: { id: finance.id, role: 'finance' },
    asset: 'USD',
    currency: 'BTC',
    rate: parseRate('0.0000105') ?? 0n,
  });
  ownerId = (await touchUser(db, { id: uniqueTelegramId(), firstName: 'Gpu', languageCode: 'ru' })).user.id;
  await db.user.update({
    where: { id: ownerId },
    data: { email: `g${ownerId}@example.com`, emailVerifiedAt: new Date() },
  });
  await db.$transaction((tx) =>
    postTransaction(tx, {
      key: `route-earning:${ownerId}`,
      type: 'earning',
      actor: { type: 'system' },
      reason: 'GPU rental',
      postings: [
        { account: { platform: 'revenue', asset: 'USD' }, amount: -100_000n },
        { account: { user: ownerId, asset: 'USD' }, amount: 100_000n },
      ],
    }),
  );
});
after(() => server?.close());

const get = () =>
  server.app.inject({
    method: 'GET',
    url: '/api/payouts',
    headers: server.auth({ id: ownerId, language: 'ru' }),
  });
const post = (payload: Record<string, unknown>) =>
  server.app.inject({
    method: 'POST',
    url: '/api/payouts',
    headers: server.auth({ id: ownerId, language: 'ru' }),
    payload,
  });
const btc = { asset: 'USD', method: 'btc', destination: 'bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4' };

test('GET /api/payouts: balances with the methods their rates allow, each with its minimum', async () => {
  const body = ZPayoutsSchema.parse((await get()).json());
  assert.equal(body.emailVerified, true);
  assert.deepEqual(body.balances, [
    {
      asset: 'USD',
      available: '100000',
      // 0.0005 BTC at 0.0000105 BTC a dollar: $47.62.
      methods: [{ method: 'btc', currency: 'BTC', rate: '0.0000105', min: '4762' }],
    },
  ]);
  assert.deepEqual(body.requests, []);
});

test('POST /api/payouts: refusals are localized and change nothing; a valid request reserves the money', async () => {
  const refusals: [Record<string, unknown>, number, RegExp][] = [
    [
      { ...btc, destination: 'bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t5', amount: '10000' },
      422,
      /биткоин-адрес/,
    ],
    [
      { ...btc, amount: '4761' },
      422,
      /Минимум для этого способа — 47.62 USD \(к отправке не меньше 0.0005 BTC\)/,
    ],
    [{ ...btc, method: 'card_rub', destination: '4111111111111111', amount: '10000' }, 409, /недоступен/],
    [{ ...btc, amount: '100001' }, 402, /./],
    [{ ...btc, amount: '10000', rate: '0.00001' }, 409, /Курс изменился, теперь 0.0000105/],
    [{ ...btc, asset: 'TOKEN', amount: '10000' }, 400, /./],
    [{ ...btc, amount: '-5' }, 400, /./],
  ];
  for (const [payload, status, message] of refusals) {
    const response = await post(payload);
    assert.equal(response.statusCode, status, JSON.stringify(payload));
    assert.match(ZApiErrorSchema.parse(response.json()).error.message, message);
  }
  assert.equal(await server.database.db.payoutRequest.count(), 0, 'nothing was requested');
  await assertBooksBalance(server.database.db);

  const response = await post({ ...btc, amount: '50000', rate: '0.0000105' });
  assert.equal(response.statusCode, 201);
  const created = ZCreatedPayoutSchema.parse(response.json());
  assert.equal(created.balance, '50000');
  assert.deepEqual(
    [
      created.request.payoutCurrency,
      created.request.payoutAmount,
      created.request.rate,
      created.request.status,
    ],
    ['BTC', '525000', '0.0000105', 'requested'],
    '$500 at 0.0000105 sends 0.00525 BTC',
  );
  const listed = ZPayoutsSchema.parse((await get()).json());
  assert.deepEqual(
    listed.requests.map((r) => r.id),
    [created.request.id],
  );
  assert.equal(listed.balances[0]?.available, '50000');
  await assertBooksBalance(server.database.db);
  assert.equal((await server.app.inject({ method: 'GET', url: '/api/payouts' })).statusCode, 401);
});
