import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { touchUser } from '#core/accounts/touch-user.ts';
import { reserve } from '#core/ledger/holds.ts';
import { postTransaction } from '#core/ledger/post-transaction.ts';
import { LEDGER_TX_OPTIONS, spendTokens } from '#core/ledger/spend-tokens.ts';
import { creditTokens } from '#core/ledger/token-grants.ts';
import { type THistoryItem, ZHistorySchema, ZWalletSchema } from '#server/contracts/wallet.ts';
import { buyWithStars, chatOnModel } from '#tests/support/history-fixtures.ts';
import { type MiniAppTestServer, startMiniAppTestServer } from '#tests/support/miniapp-server.ts';
import { uniqueTelegramId } from '#tests/support/test-keys.ts';

const DAY = 86_400_000;
let server: MiniAppTestServer;
let userId: bigint;
let otherId: bigint;
let keySeq = 0;
const key = () => `wallet-route:${process.pid}:${keySeq++}`;

const credit = (user: bigint, amount: bigint, expiresInDays: number | null, type: 'topup' | 'bonus') =>
  server.database.db.$transaction(
    (tx) =>
      creditTokens(tx, {
        key: key(),
        userId: user,
        amount,
        source: type === 'bonus' ? 'bonus' : expiresInDays ? 'subscription' : 'purchase',
        expiresAt: expiresInDays ? new Date(Date.now() + expiresInDays * DAY) : null,
        type,
        actor: { type: 'system' },
        reason: 'test',
      }),
    LEDGER_TX_OPTIONS,
  );

before(async () => {
  server = await startMiniAppTestServer();
  const db = server.database.db;
  userId = (await touchUser(db, { id: uniqueTelegramId(), firstName: 'Wallet' })).user.id;
  otherId = (await touchUser(db, { id: uniqueTelegramId(), firstName: 'Other' })).user.id;
  // Created in this order so that id order and expiry order differ: the wallet must sort by expiry.
  await credit(userId, 1_000n, null, 'topup');
  await credit(userId, 500n, 10, 'topup');
  await credit(userId, 200n, 2, 'bonus');
  // Takes the soonest-expiring grant first: 100 of the 200-token bonus.
  await spendTokens(db, { key: key(), userId, amount: 100n, reason: 'test' });
  await db.$transaction((tx) =>
    postTransaction(tx, {
      key: key(),
      type: 'manual',
      actor: { type: 'system' },
      reason: 'test',
      postings: [
        { account: { platform: 'adjustments', asset: 'RUB' }, amount: -15_000n },
        { account: { user: userId, asset: 'RUB' }, amount: 15_000n },
      ],
    }),
  );
  await reserve(db, { key: key(), userId, asset: 'TOKEN', amount: 50n, reason: 'task', ttlMs: DAY });
  await db.entitlement.create({
    data: {
      userId,
      kind: 'ai_subscription',
      productId: 'ai-sub-7d',
      tier: 'basic',
      startsAt: new Date(),
      endsAt: new Date(Date.now() + 7 * DAY),
    },
  });
  await credit(otherId, 999n, null, 'topup');
});
after(() => server?.close());

const get = async (url: string, user = userId) =>
  server.app.inject({ url, headers: server.auth({ id: user }) });

describe('GET /api/wallet', () => {
  test('tokens with what is reserved, grants soonest-expiring first, money and active plans', async () => {
    const response = await get('/api/wallet');
    assert.equal(response.statusCode, 200);
    const wallet = ZWalletSchema.parse(response.json());
    assert.deepEqual(wallet.tokens, { balance: '1600', held: '50', available: '1550' });
    assert.deepEqual(
      wallet.grants.map((g) => [g.source, g.amount, g.remaining]),
      [
        ['bonus', '200', '100'],
        ['subscription', '500', '500'],
        ['purchase', '1000', '1000'],
      ],
    );
    assert.equal(wallet.grants[2]?.expiresAt, null, 'perpetual grant last, without expiry');
    assert.ok(Date.parse(wallet.grants[0]?.expiresAt ?? '') < Date.parse(wallet.grants[1]?.expiresAt ?? ''));
    assert.deepEqual(wallet.money, [{ asset: 'RUB', balance: '15000', available: '15000' }]);
    assert.deepEqual(
      wallet.plans.map((p) => [p.kind, p.productId]),
      [['ai_subscription', 'ai-sub-7d']],
    );
  });

  test('refuses a request without initData', async () => {
    const response = await server.app.inject({ url: '/api/wallet' });
    assert.equal(response.statusCode, 401);
    assert.equal(response.json().error.code, 'UNAUTHORIZED');
  });
});

describe('GET /api/wallet/history', () => {
  const page = async (query: string) => {
    const response = await get(`/api/wallet/history?${query}`);
    assert.equal(response.statusCode, 200, response.body);
    return ZHistorySchema.parse(response.json());
  };

  test('pages through every entry newest first, without gaps or repeats, with old and new balance', async () => {
    const seen: THistoryItem[] = [];
    let before: string | null = null;
    let pages = 0;
    do {
      const result = await page(`limit=2${before ? `&before=${before}` : ''}`);
      seen.push(...result.items);
      before = result.nextBefore;
      pages++;
    } while (before && pages < 10);
    // 3 credits + 1 spend in tokens, 1 correction in roubles; the hold moves no balance.
    assert.equal(pages, 3);
    assert.equal(seen.length, 5);
    const ids = seen.map((item) => BigInt(item.id));
    assert.deepEqual(
      ids,
      [...ids].sort((a, b) => (a < b ? 1 : -1)),
      'newest first',
    );
    assert.equal(new Set(ids).size, 5, 'no repeats across pages');
    // Each token row starts where the previous (older) one ended.
    const tokens = seen.filter((item) => item.asset === 'TOKEN').reverse();
    assert.deepEqual(
      tokens.map((item) => [item.type, item.amount, item.balanceBefore, item.balanceAfter]),
      [
        ['topup', '1000', '0', '1000'],
        ['topup', '500', '1000', '1500'],
        ['bonus', '200', '1500', '1700'],
        ['spend', '-100', '1700', '1600'],
      ],
    );
  });

  test('a full last page says there is nothing more', async () => {
    const result = await page('limit=5');
    assert.equal(result.items.length, 5);
    assert.equal(result.nextBefore, null);
  });

  test('filters by asset and by type, and never shows another user’s rows', async () => {
    const roubles = await page('asset=RUB');
    assert.deepEqual(
      roubles.items.map((item) => [item.asset, item.type, item.amount, item.balanceAfter]),
      [['RUB', 'manual', '15000', '15000']],
    );
    const spends = await page('type=spend');
    assert.deepEqual(
      spends.items.map((item) => [item.type, item.amount]),
      [['spend', '-100']],
    );
    const topups = await page('asset=TOKEN&type=topup');
    assert.deepEqual(
      topups.items.map((item) => item.amount),
      ['500', '1000'],
    );
    const other = ZHistorySchema.parse((await get('/api/wallet/history', otherId)).json());
    assert.deepEqual(
      other.items.map((item) => item.amount),
      ['999'],
    );
  });

  test('bad query values are a 400 with a localized message', async () => {
    for (const query of ['asset=EUR', 'type=gift', 'before=abc', 'limit=0', 'limit=51', 'limit=x']) {
      const response = await get(`/api/wallet/history?${query}`);
      assert.equal(response.statusCode, 400, query);
      assert.deepEqual(response.json(), {
        error: { code: 'INVALID_INPUT', message: 'The request is not valid.' },
      });
    }
  });
});

describe('GET /api/wallet/history descriptions', () => {
  test('a real purchase and a real chat reply say what they were, in the user’s language', async () => {
    const db = server.database.db;
    for (const [lang, expected] of [
      ['en', ['GPT-4o · chat message', 'Purchase: 150,000 tokens · forever (Telegram Stars)']],
      ['ru', ['GPT-4o · сообщение в чате', 'Покупка: 150 000 токенов · навсегда (Telegram Stars)']],
    ] as const) {
      const buyer = (await touchUser(db, { id: uniqueTelegramId(), firstName: 'Buyer', languageCode: lang }))
        .user.id;
      await buyWithStars(db, buyer, 'pack-150k');
      await chatOnModel(db, buyer, 'gpt-4o');
      const history = ZHistorySchema.parse((await get('/api/wallet/history', buyer)).json());
      assert.deepEqual(
        history.items.map((item) => [item.type, item.description.replace(/[\u00a0\u202f]/g, ' ')]),
        [
          ['spend', expected[0]],
          ['topup', expected[1]],
        ],
        lang,
      );
    }
  });

  test('movements whose transaction names nothing more still read as words', async () => {
    const history = ZHistorySchema.parse((await get('/api/wallet/history?limit=50')).json());
    assert.deepEqual(
      history.items.map((item) => item.description),
      ['Correction by support', 'Spent', 'Bonus', 'Purchase', 'Purchase'],
    );
  });
});
