import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { getWallet } from '#core/ledger/wallet.ts';
import { createTestDatabase, type TestDatabase } from '#tests/support/test-database.ts';
import { uniqueTelegramId } from '#tests/support/test-keys.ts';
import { completeSignup } from './complete-signup.ts';
import { touchUser } from './touch-user.ts';

let t: TestDatabase;
before(async () => {
  t = await createTestDatabase();
});
after(() => t.drop());

const newUser = async () => (await touchUser(t.db, { id: uniqueTelegramId(), firstName: 'Nia' })).user.id;
const grantsOf = (userId: bigint) =>
  t.db.tokenGrant.findMany({ where: { account: { userId } }, include: { transaction: true } });

test('the welcome grant is credited once, even when signup completes twice (or both at once)', async () => {
  const userId = await newUser();
  const welcomeGrant = { tokens: 20_000n, days: 0 };
  const first = await completeSignup(t.db, { userId, language: 'en', welcomeGrant });
  assert.equal(first.welcomeTokens, 20_000n);
  assert.ok(first.user.signedUpAt);
  const again = await completeSignup(t.db, { userId, language: 'ru', welcomeGrant });
  assert.equal(again.welcomeTokens, 0n, 'nothing granted the second time');
  assert.equal(again.user.language, 'ru', 'the rest of signup still applies');

  const other = await newUser();
  const both = await Promise.allSettled([
    completeSignup(t.db, { userId: other, language: 'en', welcomeGrant }),
    completeSignup(t.db, { userId: other, language: 'en', welcomeGrant }),
  ]);
  for (const id of [userId, other]) {
    assert.equal((await getWallet(t.db, id)).tokens.balance, 20_000n, `user ${id}`);
    const grants = await grantsOf(id);
    assert.deepEqual(
      grants.map((g) => [g.source, g.amount, g.expiresAt, g.transaction.idempotencyKey, g.transaction.type]),
      [['bonus', 20_000n, null, `welcome:${id}`, 'bonus']],
    );
  }
  assert.ok(both.some((r) => r.status === 'fulfilled' && r.value.welcomeTokens === 20_000n));
});

test('with days the welcome tokens expire; without a grant (the default) nothing is credited', async () => {
  const userId = await newUser();
  const now = new Date('2026-03-01T12:00:00Z');
  await completeSignup(t.db, { userId, language: 'en', welcomeGrant: { tokens: 5_000n, days: 14 }, now });
  const [grant] = await grantsOf(userId);
  assert.deepEqual(grant?.expiresAt, new Date('2026-03-15T12:00:00Z'));

  for (const welcomeGrant of [undefined, { tokens: 0n, days: 30 }]) {
    const plain = await newUser();
    const done = await completeSignup(t.db, { userId: plain, language: 'en', welcomeGrant });
    assert.equal(done.welcomeTokens, 0n);
    assert.deepEqual(await grantsOf(plain), []);
  }
});
