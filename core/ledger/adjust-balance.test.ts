import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { touchUser } from '#core/accounts/touch-user.ts';
import { isAppError } from '#core/errors/app-error.ts';
import { createTestDatabase, type TestDatabase } from '#tests/support/test-database.ts';
import { uniqueTelegramId } from '#tests/support/test-keys.ts';
import { adjustBalance } from './adjust-balance.ts';

let t: TestDatabase;
let staff: { id: bigint; role: 'finance' };
before(async () => {
  t = await createTestDatabase();
  staff = {
    id: (await touchUser(t.db, { id: uniqueTelegramId(), firstName: 'F' })).user.id,
    role: 'finance',
  };
});
after(() => t.drop());

test('a correction credits, debits within the balance, and goes negative only when told so; all audited', async () => {
  const userId = (await touchUser(t.db, { id: uniqueTelegramId(), firstName: 'U' })).user.id;
  const credit = await adjustBalance(t.db, {
    staff,
    userId,
    asset: 'TOKEN',
    amount: 5_000n,
    reason: 'bug bounty',
    key: 'k1',
  });
  assert.deepEqual([credit.before, credit.after], [0n, 5_000n]);
  const again = await adjustBalance(t.db, {
    staff,
    userId,
    asset: 'TOKEN',
    amount: 5_000n,
    reason: 'bug bounty',
    key: 'k1',
  });
  assert.equal(again.duplicate, true);
  await assert.rejects(
    adjustBalance(t.db, { staff, userId, asset: 'TOKEN', amount: -6_000n, reason: 'x', key: 'k2' }),
    (e) => isAppError(e, 'INSUFFICIENT_FUNDS'),
  );
  const negative = await adjustBalance(t.db, {
    staff,
    userId,
    asset: 'TOKEN',
    amount: -6_000n,
    reason: 'chargeback',
    key: 'k3',
    allowNegative: true,
  });
  assert.deepEqual([negative.before, negative.after], [5_000n, -1_000n]);
  const grants = await t.db.tokenGrant.findMany({ where: { account: { userId } } });
  assert.equal(
    grants.reduce((s, g) => s + g.remaining, 0n),
    0n,
  );
  const audit = await t.db.auditLog.findMany({ where: { targetUserId: userId, action: 'balance.adjust' } });
  assert.equal(audit.length, 2);
  await assert.rejects(
    adjustBalance(t.db, {
      staff: { id: staff.id, role: 'support' },
      userId,
      asset: 'TOKEN',
      amount: 1n,
      reason: 'x',
      key: 'k4',
    }),
    (e) => isAppError(e, 'FORBIDDEN'),
  );
});
