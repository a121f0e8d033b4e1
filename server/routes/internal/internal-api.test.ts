import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { Registry } from 'prom-client';
import { touchUser } from '#core/accounts/touch-user.ts';
import { createAiGateway } from '#core/ai/providers/create-ai-gateway.ts';
import { aiConfigOf } from '#core/ai/providers/provider-config.ts';
import { loadEnv } from '#core/config/env.ts';
import { LOCALES_DIR, loadTranslator } from '#core/i18n/translator.ts';
import { createLogger } from '#core/logging/logger.ts';
import { createServer } from '#server/create-server.ts';
import { createTestDatabase, type TestDatabase } from '#tests/support/test-database.ts';
import { uniqueTelegramId } from '#tests/support/test-keys.ts';
import { createTestRedis, TEST_REDIS_URL, type TestRedis } from '#tests/support/test-redis.ts';

const TOKEN = `adm_${randomBytes(24).toString('hex')}`;
let database: TestDatabase;
let redis: TestRedis;
let app: FastifyInstance;

const env = (extra: Record<string, string>) =>
  loadEnv({
    BOT_TOKEN: '111:user-token-for-internal-api-tests',
    ADMIN_BOT_TOKEN: '222:admin-token-for-internal-api-tests',
    DATABASE_URL: database.url,
    REDIS_URL: TEST_REDIS_URL,
    REDIS_PREFIX: redis.prefix,
    DATA_ENCRYPTION_KEY: randomBytes(32).toString('hex'),
    SMTP_URL: 'smtp://127.0.0.1:1',
    ...extra,
  });
const serverWith = (extra: Record<string, string>) =>
  createServer({
    config: env(extra),
    ai: createAiGateway({ config: aiConfigOf(env(extra)), redis: redis.redis, redisPrefix: redis.prefix }),
    db: database.db,
    redis: redis.redis,
    logger: createLogger({ level: 'silent', name: 'test' }),
    translator: loadTranslator(LOCALES_DIR),
    metrics: new Registry(),
    gateways: {},
    userBotUsername: 'polygram_test_bot',
  });

before(async () => {
  database = await createTestDatabase();
  redis = await createTestRedis();
  app = await serverWith({ ADMIN_API_TOKEN: TOKEN });
});
after(async () => {
  await app.close();
  await database.drop();
  await redis.cleanup();
});

const put = (path: string, payload: unknown, authorization: string | null = TOKEN) =>
  app.inject({
    method: 'PUT',
    url: `/api/internal/${path}`,
    payload: payload as object,
    headers: authorization === null ? {} : { authorization },
  });
const newUser = async () => {
  const { user } = await touchUser(database.db, { id: uniqueTelegramId(), firstName: 'Api' });
  await database.db.user.update({
    where: { id: user.id },
    data: { signedUpAt: new Date(), email: `u${user.id}@example.com` },
  });
  return user.id;
};
const audits = (userId: bigint, action: string) =>
  database.db.auditLog.findMany({ where: { targetUserId: userId, action }, orderBy: { id: 'asc' } });

describe('access', () => {
  test('without ADMIN_API_TOKEN the API does not exist', async () => {
    const off = await serverWith({});
    const res = await off.inject({
      method: 'PUT',
      url: '/api/internal/balance',
      payload: { userID: '1', diff: '1' },
      headers: { authorization: TOKEN },
    });
    assert.equal(res.statusCode, 404);
    await off.close();
  });

  test('a missing, wrong or differently-formatted token is refused before anything happens', async () => {
    const userId = await newUser();
    const body = { userID: userId.toString(), diff: '100' };
    for (const auth of [
      null,
      '',
      'x'.repeat(TOKEN.length),
      `Bearer ${TOKEN}`,
      `${TOKEN} `,
      TOKEN.slice(0, -1),
    ]) {
      const res = await put('balance', body, auth);
      assert.equal(res.statusCode, 401, `authorization ${JSON.stringify(auth)}`);
      assert.equal(res.json().error.code, 'UNAUTHORIZED');
    }
    assert.equal(await database.db.ledgerTransaction.count(), 0);
    // With the token the same call goes through.
    assert.equal((await put('balance', body)).statusCode, 200);
  });

  test('a short token is refused at start-up', () => {
    assert.throws(() => env({ ADMIN_API_TOKEN: 'short' }), /ADMIN_API_TOKEN: must be at least 32 characters/);
  });
});

describe('PUT /api/internal/user', () => {
  test('bad bodies are 400, an unknown user 404 (and audited)', async () => {
    const userId = (await newUser()).toString();
    for (const body of [
      {},
      { userID: userId },
      { userID: userId, status: 'deleted' },
      { userID: 'njknjk', status: 'blocked' },
      { userID: -5, status: 'blocked' },
    ]) {
      const res = await put('user', body);
      assert.equal(res.statusCode, 400, JSON.stringify(body));
      assert.equal(res.json().error.code, 'INVALID_INPUT');
    }
    const raw = await app.inject({
      method: 'PUT',
      url: '/api/internal/user',
      payload: '{"userID": ',
      headers: { authorization: TOKEN, 'content-type': 'application/json' },
    });
    assert.equal(raw.statusCode, 400, 'malformed JSON');
    const missing = await put('user', { userID: '999000111', status: 'blocked' });
    assert.equal(missing.statusCode, 404);
    assert.equal(missing.json().error.code, 'USER_NOT_FOUND');
    const refusal = await database.db.auditLog.findFirst({
      where: { action: 'internal_api.user', targetUserId: null },
      orderBy: { id: 'desc' },
    });
    assert.deepEqual(refusal?.after, { status: 'blocked', userID: '999000111', refused: 'USER_NOT_FOUND' });
  });

  test('blocked, new and activated map onto ban and signup, each call audited with no actor', async () => {
    const userId = await newUser();
    const blocked = await put('user', { userID: userId.toString(), status: 'blocked' });
    assert.equal(blocked.statusCode, 200);
    assert.deepEqual(blocked.json(), {
      userID: userId.toString(),
      status: 'blocked',
      previousStatus: 'activated',
    });
    let user = await database.db.user.findUniqueOrThrow({ where: { id: userId } });
    assert.deepEqual([user.status, user.banReason], ['banned', 'admin API']);

    const reset = await put('user', { userID: Number(userId), status: 'new' });
    assert.deepEqual(reset.json(), { userID: userId.toString(), status: 'new', previousStatus: 'blocked' });
    user = await database.db.user.findUniqueOrThrow({ where: { id: userId } });
    assert.deepEqual([user.status, user.banReason, user.signedUpAt], ['active', null, null]);

    const activated = await put('user', { userID: userId.toString(), status: 'activated' });
    assert.deepEqual(activated.json(), {
      userID: userId.toString(),
      status: 'activated',
      previousStatus: 'new',
    });
    user = await database.db.user.findUniqueOrThrow({ where: { id: userId } });
    assert.ok(user.signedUpAt, 'activation lets the user in');

    const rows = await audits(userId, 'internal_api.user');
    assert.equal(rows.length, 3);
    assert.ok(rows.every((r) => r.actorId === null));
    assert.deepEqual(
      rows.map((r) => (r.after as { requested: string }).requested),
      ['blocked', 'new', 'activated'],
    );
  });

  test('a super admin cannot be blocked', async () => {
    const userId = await newUser();
    await database.db.adminRole.create({ data: { userId, role: 'super_admin' } });
    const res = await put('user', { userID: userId.toString(), status: 'blocked' });
    assert.equal(res.statusCode, 403);
    assert.equal((await database.db.user.findUniqueOrThrow({ where: { id: userId } })).status, 'active');
  });
});

describe('PUT /api/internal/balance', () => {
  test('credits and debits round trip with old, diff and new; an overdraft is 409 and changes nothing', async () => {
    const userId = await newUser();
    const id = userId.toString();
    const credit = await put('balance', { userID: id, diff: '100' });
    assert.equal(credit.statusCode, 200);
    assert.deepEqual(credit.json(), { userID: id, oldBalance: '0', diff: '100', newBalance: '100' });
    const debit = await put('balance', { userID: id, diff: -40 });
    assert.deepEqual(debit.json(), { userID: id, oldBalance: '100', diff: '-40', newBalance: '60' });

    const over = await put('balance', { userID: id, diff: '-61' });
    assert.equal(over.statusCode, 409);
    assert.equal(over.json().error.code, 'INSUFFICIENT_FUNDS');
    assert.match(over.json().error.message, /60/);
    const account = await database.db.ledgerAccount.findUniqueOrThrow({
      where: { userId_asset: { userId, asset: 'TOKEN' } },
    });
    assert.equal(account.balance, 60n, 'not driven negative');

    const rows = await audits(userId, 'internal_api.balance');
    assert.deepEqual(
      rows.map((r) => [r.actorId, (r.after as { diff?: string; refused?: string }).diff ?? null]),
      [
        [null, '100'],
        [null, '-40'],
        [null, '-61'],
      ],
    );
    assert.equal((rows[2]?.after as { refused?: string } | undefined)?.refused, 'INSUFFICIENT_FUNDS');
    const txs = await database.db.ledgerTransaction.findMany({
      where: { entries: { some: { accountId: account.id } } },
    });
    assert.equal(txs.length, 2);
    assert.ok(txs.every((tx) => tx.type === 'manual' && tx.actorType === 'admin' && tx.actorId === null));
    const events = await database.db.analyticsEvent.findMany({
      where: { userId, type: 'balance_change' },
      orderBy: { id: 'asc' },
    });
    assert.deepEqual(
      events.map((e) => {
        const p = e.payload as Record<string, string>;
        return [p.action, p.diff, p.old_balance, p.new_balance, p.email];
      }),
      [
        ['manual', '100', '0', '100', `u${id}@example.com`],
        ['manual', '-40', '100', '60', `u${id}@example.com`],
      ],
    );
  });

  test('bad diffs are 400 and an unknown user 404', async () => {
    const id = (await newUser()).toString();
    for (const diff of ['0', 0, '1.5', 1.5, 'abc', '', null, '100 | -100']) {
      const res = await put('balance', { userID: id, diff });
      assert.equal(res.statusCode, 400, JSON.stringify(diff));
    }
    assert.equal(
      (await audits(BigInt(id), 'internal_api.balance')).length,
      0,
      'a refused body changes nothing',
    );
    const res = await put('balance', { userID: '999000222', diff: '5' });
    assert.equal(res.statusCode, 404);
    assert.equal(res.json().error.code, 'USER_NOT_FOUND');
    assert.equal(await database.db.ledgerAccount.count({ where: { userId: 999000222n } }), 0);
    const refusal = await database.db.auditLog.findFirst({
      where: { action: 'internal_api.balance', targetUserId: null },
      orderBy: { id: 'desc' },
    });
    assert.deepEqual(refusal?.after, { diff: '5', userID: '999000222', refused: 'USER_NOT_FOUND' });
  });
});
