/**
 * Spends per second through `spendTokens` (one ledger transaction: idempotency row, a conditional account
 * UPDATE, entries, grant consumption, analytics outbox) next to the least a debit can cost: one conditional
 * UPDATE of the account row through the same Prisma client. Once on 200 accounts (spends of different users
 * run side by side) and once on one hot account (every spend waits for the previous one's row lock).
 */

import { round, summarize } from '#bench/stats.ts';
import type { TBenchModule, TBenchResult, TBenchRow } from '#bench/types.ts';
import { touchUser } from '#core/accounts/touch-user.ts';
import type { PrismaClient } from '#core/db/generated/client.ts';
import { settlePlatformAccounts } from '#core/ledger/settle-platform-accounts.ts';
import { spendTokens } from '#core/ledger/spend-tokens.ts';
import { creditTokens } from '#core/ledger/token-grants.ts';
import { createTestDatabase } from '#tests/support/test-database.ts';

const WORKLOAD = {
  accounts: 200,
  /** Spends per measured case: 15 per account when spread over 200. */
  spendsPerCase: 3000,
  /** Operations in flight: the Prisma pool of the test database holds 20 connections. */
  concurrency: 20,
  poolSize: 20,
  warmupSpends: 40,
};
/** Left on every account at the end, so "funded enough" is never the edge case. */
const MARGIN = 5n;
const FIRST_USER_ID = 9_300_000_000n;

/** Runs `count` operations with at most `concurrency` in flight; returns each one's latency and the wall time. */
async function inFlight(
  count: number,
  concurrency: number,
  op: (index: number) => Promise<void>,
): Promise<{ latencies: number[]; wallMs: number; cpuMs: number }> {
  const latencies: number[] = [];
  let next = 0;
  const cpu = process.cpuUsage();
  const started = performance.now();
  const lane = async () => {
    for (let i = next++; i < count; i = next++) {
      const t0 = performance.now();
      await op(i);
      latencies.push(performance.now() - t0);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, lane));
  const wallMs = performance.now() - started;
  const used = process.cpuUsage(cpu);
  return { latencies, wallMs, cpuMs: (used.user + used.system) / 1000 };
}

interface TAccount {
  userId: bigint;
  accountId: bigint;
}

async function fundedAccounts(db: PrismaClient, users: bigint[], amount: bigint): Promise<TAccount[]> {
  await inFlight(users.length, WORKLOAD.concurrency, async (i) => {
    const userId = users[i] as bigint;
    await touchUser(db, { id: userId, firstName: `Bench ${userId}`, languageCode: 'en' });
    await db.$transaction((tx) =>
      creditTokens(tx, {
        key: `bench-fund:${userId}`,
        userId,
        amount,
        source: 'purchase',
        expiresAt: null,
        type: 'topup',
        actor: { type: 'system' },
        reason: 'bench funding',
      }),
    );
  });
  const rows = await db.$queryRaw<{ id: bigint; user_id: bigint }[]>`
    SELECT id, user_id FROM ledger_accounts WHERE user_id = ANY(${users}) AND asset = 'TOKEN'::"Asset"`;
  const byUser = new Map(rows.map((r) => [r.user_id, r.id]));
  return users.map((userId) => {
    const accountId = byUser.get(userId);
    if (accountId === undefined) throw new Error(`ledger: user ${userId} has no token account`);
    return { userId, accountId };
  });
}

/** Balances and what the grants still hold, per account: both must equal what the bench expects. */
async function assertBalances(
  db: PrismaClient,
  accounts: TAccount[],
  expected: bigint,
  what: string,
  grantsToo: boolean,
): Promise<void> {
  const rows = await db.$queryRaw<{ id: bigint; balance: bigint; held: bigint; granted: bigint | null }[]>`
    SELECT a.id, a.balance, a.held,
      (SELECT sum(g.remaining)::bigint FROM token_grants g WHERE g.account_id = a.id) AS granted
    FROM ledger_accounts a WHERE a.id = ANY(${accounts.map((a) => a.accountId)})`;
  if (rows.length !== accounts.length)
    throw new Error(`ledger ${what}: ${rows.length} of ${accounts.length} accounts`);
  const wrong = rows.filter(
    (r) => r.balance !== expected || r.held !== 0n || (grantsToo && r.granted !== expected),
  );
  if (wrong.length > 0)
    throw new Error(
      `ledger ${what}: expected balance ${expected} on every account, ${wrong.length} differ, e.g. ` +
        wrong
          .slice(0, 5)
          .map((r) => `#${r.id} balance ${r.balance} held ${r.held} grants ${r.granted}`)
          .join(', '),
    );
}

function row(
  key: string,
  label: string,
  run: Awaited<ReturnType<typeof inFlight>>,
  details: Record<string, number | string>,
): TBenchRow {
  const figures = summarize(run.latencies, run.wallMs);
  figures.cpuMsPerOp = round(run.cpuMs / run.latencies.length);
  figures.cpuCores = round(run.cpuMs / run.wallMs);
  return { key, label, figures, details: { ...details, concurrency: WORKLOAD.concurrency } };
}

/** `n` ledger spends then as many raw debits on `accounts`, round-robin; balances checked after each. */
async function measureCase(
  db: PrismaClient,
  name: string,
  accounts: TAccount[],
  funded: bigint,
  n: number,
): Promise<[TBenchRow, TBenchRow]> {
  const perAccount = BigInt(n / accounts.length);
  let failed = 0;
  const ledger = await inFlight(n, WORKLOAD.concurrency, async (i) => {
    const account = accounts[i % accounts.length] as TAccount;
    try {
      const posted = await spendTokens(db, {
        key: `bench-spend:${name}:${i}`,
        userId: account.userId,
        amount: 1n,
        reason: 'bench spend',
      });
      if (posted.duplicate) throw new Error(`spend ${i} reported as a duplicate`);
    } catch (error) {
      failed++;
      if (failed <= 3) console.error(`ledger ${name}: spend ${i} failed:`, error);
    }
  });
  if (failed > 0) throw new Error(`ledger ${name}: ${failed} of ${n} spends failed although funded enough`);
  await assertBalances(db, accounts, funded - perAccount, `${name} after spendTokens`, true);
  const [{ count } = { count: 0n }] = await db.$queryRaw<{ count: bigint }[]>`
    SELECT count(*)::bigint AS count FROM ledger_transactions WHERE idempotency_key LIKE ${`bench-spend:${name}:%`}`;
  if (count !== BigInt(n)) throw new Error(`ledger ${name}: ${count} spend transactions, expected ${n}`);

  let missed = 0;
  const raw = await inFlight(n, WORKLOAD.concurrency, async (i) => {
    const account = accounts[i % accounts.length] as TAccount;
    const changed = await db.$executeRaw`
      UPDATE ledger_accounts SET balance = balance - 1 WHERE id = ${account.accountId} AND balance >= 1`;
    if (changed !== 1) missed++;
  });
  if (missed > 0) throw new Error(`ledger ${name}: ${missed} of ${n} raw debits changed no row`);
  await assertBalances(db, accounts, funded - 2n * perAccount, `${name} after raw UPDATE`, false);

  const details = { accounts: accounts.length, spends: n };
  return [
    row(
      `spend-${name}`,
      `spendTokens, ${accounts.length === 1 ? '1 hot account' : `${accounts.length} accounts`}`,
      ledger,
      details,
    ),
    row(`raw-${name}`, 'raw UPDATE, same accounts', raw, details),
  ];
}

async function run(): Promise<TBenchResult> {
  const database = await createTestDatabase();
  try {
    const { db } = database;
    const n = WORKLOAD.spendsPerCase;
    const userIds = (from: number, count: number) =>
      Array.from({ length: count }, (_, i) => FIRST_USER_ID + BigInt(from + i));
    const perAccount = BigInt(n / WORKLOAD.accounts);
    const spread = await fundedAccounts(db, userIds(0, WORKLOAD.accounts), 2n * perAccount + MARGIN);
    const hot = await fundedAccounts(db, userIds(WORKLOAD.accounts, 1), 2n * BigInt(n) + MARGIN);
    const warm = await fundedAccounts(
      db,
      userIds(WORKLOAD.accounts + 1, 1),
      2n * BigInt(WORKLOAD.warmupSpends) + MARGIN,
    );

    // Unmeasured: the pool opens its connections, Prisma and the JIT warm up.
    await measureCase(db, 'warmup', warm, 2n * BigInt(WORKLOAD.warmupSpends) + MARGIN, WORKLOAD.warmupSpends);

    const [spendSpread, rawSpread] = await measureCase(db, 'spread', spread, 2n * perAccount + MARGIN, n);
    const [spendHot, rawHot] = await measureCase(db, 'hot', hot, 2n * BigInt(n) + MARGIN, n);

    // Every spend credits the platform's deferred `consumed` account; settlement must book each spend once.
    const settleStarted = performance.now();
    const settled = await settlePlatformAccounts(db);
    const settleMs = performance.now() - settleStarted;
    const [consumed] = await db.$queryRaw<{ balance: bigint }[]>`
      SELECT balance FROM ledger_accounts WHERE code = 'consumed' AND asset = 'TOKEN'::"Asset"`;
    const expectedConsumed = 2n * BigInt(n) + BigInt(WORKLOAD.warmupSpends);
    if (consumed?.balance !== expectedConsumed)
      throw new Error(`ledger: consumed account holds ${consumed?.balance}, expected ${expectedConsumed}`);

    const rows = [spendSpread, rawSpread, spendHot, rawHot];
    return {
      name: 'ledger',
      title: 'ledger spends (PostgreSQL, in-process)',
      unit: 'spends',
      workload: { ...WORKLOAD },
      rows,
      comparisons: [
        { label: 'ratio spendTokens / raw', numerator: 'spend-spread', denominator: 'raw-spread' },
        { label: 'ratio spendTokens / raw', numerator: 'spend-hot', denominator: 'raw-hot' },
      ],
      notes: [
        `${WORKLOAD.concurrency} in flight on a pool of ${WORKLOAD.poolSize} connections; every balance, grant and ` +
          'transaction count checked after each case.',
        "Every spendTokens also credits the platform 'consumed' account, which is deferred: spends do not lock " +
          `its row; one settlement afterwards booked ${settled} pending entries in ${Math.round(settleMs)} ms.`,
        'CPU ms/op is the bench process (Prisma client) only; PostgreSQL runs on the same machine and is not counted.',
      ],
    };
  } finally {
    await database.drop();
  }
}

export const ledgerBench: TBenchModule = { name: 'ledger', run };
