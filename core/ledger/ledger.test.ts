import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { touchUser } from '#core/accounts/touch-user.ts';
import { isAppError } from '#core/errors/app-error.ts';
import { createTestDatabase, type TestDatabase } from '#tests/support/test-database.ts';
import { uniqueTelegramId } from '#tests/support/test-keys.ts';
import { expireDueGrants } from './expire-grants.ts';
import { capture, expireHolds, release, reserve } from './holds.ts';
import { postTransaction } from './post-transaction.ts';
import { platformBalance, settlePlatformAccounts } from './settle-platform-accounts.ts';
import { LEDGER_TX_OPTIONS, spendTokens } from './spend-tokens.ts';
import { creditTokens } from './token-grants.ts';

let t: TestDatabase;
before(async () => {
  t = await createTestDatabase();
});
after(() => t.drop());

const newUser = async () => (await touchUser(t.db, { id: uniqueTelegramId(), firstName: 'L' })).user.id;
let keySeq = 0;
const key = (what: string) => `${what}:${process.pid}:${keySeq++}`;

const grant = (userId: bigint, amount: bigint, expiresAt: Date | null = null, k = key('grant')) =>
  t.db.$transaction(
    (tx) =>
      creditTokens(tx, {
        key: k,
        userId,
        amount,
        source: expiresAt ? 'subscription' : 'purchase',
        expiresAt,
        type: 'topup',
        actor: { type: 'system' },
        reason: 'test',
      }),
    LEDGER_TX_OPTIONS,
  );

const tokenBalance = async (userId: bigint) =>
  (await t.db.ledgerAccount.findUnique({ where: { userId_asset: { userId, asset: 'TOKEN' } } }))?.balance ??
  0n;

describe('ledger', () => {
  test('200 parallel spends on an account funded for 100: exactly 100 succeed and the books balance', async () => {
    const userId = await newUser();
    await grant(userId, 100n);
    const results = await Promise.allSettled(
      Array.from({ length: 200 }, (_, i) =>
        spendTokens(t.db, { key: key(`spend-${i}`), userId, amount: 1n, reason: 'burst' }),
      ),
    );
    const ok = results.filter((r) => r.status === 'fulfilled').length;
    const refused = results.filter(
      (r) => r.status === 'rejected' && isAppError(r.reason, 'INSUFFICIENT_FUNDS'),
    ).length;
    assert.equal(ok, 100);
    assert.equal(refused, 100);
    assert.equal(await tokenBalance(userId), 0n);
    const account = await t.db.ledgerAccount.findUniqueOrThrow({
      where: { userId_asset: { userId, asset: 'TOKEN' } },
    });
    const sum = await t.db.ledgerEntry.aggregate({
      where: { accountId: account.id },
      _sum: { amount: true },
    });
    assert.equal(sum._sum.amount, 0n, 'entries sum to the balance');
    const remaining = await t.db.tokenGrant.aggregate({
      where: { accountId: account.id },
      _sum: { remaining: true },
    });
    assert.equal(remaining._sum.remaining, 0n);
    // Every entry's before/after chain is consistent: each starts where the previous ended.
    const entries = await t.db.ledgerEntry.findMany({
      where: { accountId: account.id },
      orderBy: { id: 'asc' },
    });
    for (let i = 1; i < entries.length; i++)
      assert.equal(entries[i]?.balanceBefore, entries[i - 1]?.balanceAfter);
  });

  test('the same idempotency key moves value once', async () => {
    const userId = await newUser();
    const k = key('once');
    const [a, b] = await Promise.all([grant(userId, 500n, null, k), grant(userId, 500n, null, k)]);
    assert.equal(await tokenBalance(userId), 500n);
    assert.deepEqual([a.duplicate, b.duplicate].sort(), [false, true]);
    assert.equal(a.transactionId, b.transactionId);
  });

  test('an unbalanced transaction is refused and changes nothing', async () => {
    const userId = await newUser();
    await assert.rejects(
      t.db.$transaction((tx) =>
        postTransaction(tx, {
          key: key('bad'),
          type: 'manual',
          actor: { type: 'system' },
          reason: 'bad',
          postings: [{ account: { user: userId, asset: 'RUB' }, amount: 100n }],
        }),
      ),
      (e) => isAppError(e, 'LEDGER_UNBALANCED'),
    );
    assert.equal(await t.db.ledgerTransaction.count({ where: { reason: 'bad' } }), 0);
  });

  test('spending takes the soonest-expiring grant first and perpetual tokens last', async () => {
    const userId = await newUser();
    const soon = new Date(Date.now() + 86_400_000);
    const later = new Date(Date.now() + 7 * 86_400_000);
    const perpetual = await grant(userId, 100n, null);
    const late = await grant(userId, 100n, later);
    const early = await grant(userId, 100n, soon);
    await spendTokens(t.db, { key: key('s'), userId, amount: 150n, reason: 'work' });
    const remaining = async (id: bigint | null) =>
      (await t.db.tokenGrant.findUniqueOrThrow({ where: { id: id ?? 0n } })).remaining;
    assert.equal(await remaining(early.grantId), 0n);
    assert.equal(await remaining(late.grantId), 50n);
    assert.equal(await remaining(perpetual.grantId), 100n);
  });

  test('a subscription grant expires by a ledger transaction and expired tokens cannot be spent', async () => {
    const userId = await newUser();
    const now = new Date();
    await grant(userId, 300n, new Date(now.getTime() + 1000));
    await grant(userId, 50n, null);
    await spendTokens(t.db, { key: key('s'), userId, amount: 100n, reason: 'work', now });
    const at = new Date(now.getTime() + 2000);
    await assert.rejects(
      spendTokens(t.db, { key: key('s'), userId, amount: 60n, reason: 'late', now: at }),
      (e) => isAppError(e, 'INSUFFICIENT_FUNDS'),
    );
    // The refused spend rolled back whole; the scheduled job expires the grant for good.
    assert.equal(await expireDueGrants(t.db, at), 1);
    assert.equal(await tokenBalance(userId), 50n, 'the 200 left of the subscription expired');
    assert.equal(await expireDueGrants(t.db, at), 0, 'a second run expires nothing');
    const expiry = await t.db.ledgerTransaction.findMany({
      where: { type: 'expiry', idempotencyKey: { startsWith: 'expiry:grant:' } },
    });
    assert.ok(expiry.some((tx) => JSON.stringify(tx.metadata).includes('grantId')));
  });

  test('holds: available drops at once; capture charges the actual cost; release and expiry give it back', async () => {
    const userId = await newUser();
    await grant(userId, 1000n);
    await reserve(t.db, { key: 'h1', userId, asset: 'TOKEN', amount: 700n, reason: 'video', ttlMs: 60_000 });
    await assert.rejects(spendTokens(t.db, { key: key('s'), userId, amount: 400n, reason: 'x' }), (e) =>
      isAppError(e, 'INSUFFICIENT_FUNDS'),
    );
    await assert.rejects(
      reserve(t.db, { key: 'h2', userId, asset: 'TOKEN', amount: 400n, reason: 'x', ttlMs: 60_000 }),
      (e) => isAppError(e, 'INSUFFICIENT_FUNDS'),
    );
    const captured = await capture(t.db, { key: 'h1', amount: 500n, reason: 'video done' });
    const again = await capture(t.db, { key: 'h1', amount: 500n, reason: 'video done' });
    assert.equal(again.duplicate, true);
    assert.equal(again.transactionId, captured.transactionId);
    assert.equal(await tokenBalance(userId), 500n);

    await reserve(t.db, { key: 'h3', userId, asset: 'TOKEN', amount: 200n, reason: 'img', ttlMs: 60_000 });
    assert.equal(await release(t.db, 'h3'), true);
    assert.equal(await release(t.db, 'h3'), false);
    await assert.rejects(capture(t.db, { key: 'h3', amount: 1n, reason: 'late' }), (e) =>
      isAppError(e, 'HOLD_NOT_ACTIVE'),
    );

    await reserve(t.db, { key: 'h4', userId, asset: 'TOKEN', amount: 500n, reason: 'img', ttlMs: 10 });
    assert.equal(await expireHolds(t.db, new Date(Date.now() + 1000)), 1);
    const account = await t.db.ledgerAccount.findUniqueOrThrow({
      where: { userId_asset: { userId, asset: 'TOKEN' } },
    });
    assert.equal(account.held, 0n);
    assert.equal(account.balance, 500n);
  });

  test('an admin overdraft drives the balance negative and the next grant repays it first', async () => {
    const userId = await newUser();
    await grant(userId, 100n);
    await t.db.$transaction((tx) =>
      postTransaction(tx, {
        key: key('corr'),
        type: 'manual',
        actor: { type: 'admin', id: 1n },
        reason: 'chargeback',
        debitLimit: 'overdraft',
        postings: [
          { account: { user: userId, asset: 'TOKEN' }, amount: -300n },
          { account: { platform: 'adjustments', asset: 'TOKEN' }, amount: 300n },
        ],
      }),
    );
    assert.equal(await tokenBalance(userId), -200n);
    const g = await grant(userId, 500n);
    assert.equal(await tokenBalance(userId), 300n);
    assert.equal(
      (await t.db.tokenGrant.findUniqueOrThrow({ where: { id: g.grantId ?? 0n } })).remaining,
      300n,
    );
  });

  test('deferred sinks: spends queue no lock on the shared account, and settlement books every entry once', async () => {
    const users = await Promise.all(Array.from({ length: 10 }, () => newUser()));
    await Promise.all(users.map((u) => grant(u, 50n)));
    const consumedBefore = await platformBalance(t.db, 'consumed', 'TOKEN');
    await Promise.all(
      users.flatMap((userId) =>
        Array.from({ length: 5 }, (_, i) =>
          spendTokens(t.db, { key: key(`d-${i}`), userId, amount: 3n, reason: 'work' }),
        ),
      ),
    );
    assert.equal(await platformBalance(t.db, 'consumed', 'TOKEN'), consumedBefore + 150n);
    // Two settlers at once, as two worker processes would run them: each pending entry is booked once.
    await Promise.all([settlePlatformAccounts(t.db), settlePlatformAccounts(t.db)]);
    assert.equal(await t.db.ledgerPendingEntry.count(), 0);
    const consumed = await t.db.ledgerAccount.findUniqueOrThrow({
      where: { code_asset: { code: 'consumed', asset: 'TOKEN' } },
    });
    assert.equal(consumed.balance, consumedBefore + 150n);
    const entries = await t.db.ledgerEntry.findMany({
      where: { accountId: consumed.id },
      orderBy: { id: 'asc' },
    });
    const sum = entries.reduce((total, e) => total + e.amount, 0n);
    assert.equal(sum, consumed.balance, 'entries sum to the settled balance');
    assert.equal(entries[0]?.balanceBefore, 0n);
    for (let i = 1; i < entries.length; i++)
      assert.equal(entries[i]?.balanceBefore, entries[i - 1]?.balanceAfter, 'the chain has no gap');
    assert.equal(entries.at(-1)?.balanceAfter, consumed.balance);
    // The books balance across every account: tokens issued = tokens held + consumed + expired.
    const all = await t.db.ledgerEntry.aggregate({ where: { asset: 'TOKEN' }, _sum: { amount: true } });
    assert.equal(all._sum.amount, 0n);
    assert.equal(await settlePlatformAccounts(t.db), 0, 'a second run has nothing to do');
  });

  test('a deferred sink that may not go negative cannot be debited', async () => {
    const userId = await newUser();
    await assert.rejects(
      t.db.$transaction((tx) =>
        postTransaction(tx, {
          key: key('steal'),
          type: 'manual',
          actor: { type: 'admin', id: 1n },
          reason: 'steal',
          postings: [
            { account: { platform: 'consumed', asset: 'TOKEN' }, amount: -10n },
            { account: { user: userId, asset: 'TOKEN' }, amount: 10n },
          ],
        }),
      ),
      (e) => isAppError(e, 'LEDGER_UNBALANCED'),
    );
    assert.equal(await tokenBalance(userId), 0n);
  });
});
