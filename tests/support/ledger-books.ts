import assert from 'node:assert/strict';
import type { PrismaClient } from '#core/db/create-prisma.ts';

/**
 * The ledger's invariants, checked against the database: every transaction sums to zero per asset, every
 * account that is settled row by row holds exactly the sum of its entries, and each money asset sums to
 * zero over all accounts (money only moves, it is never made or lost).
 */
export async function assertBooksBalance(db: PrismaClient): Promise<void> {
  const unbalanced = await db.$queryRaw<{ transaction_id: bigint }[]>`
    SELECT transaction_id FROM ledger_entries GROUP BY transaction_id, asset HAVING SUM(amount) <> 0`;
  assert.deepEqual(unbalanced, [], 'transactions that do not sum to zero');
  const drifted = await db.$queryRaw<{ id: bigint }[]>`
    SELECT a.id FROM ledger_accounts a LEFT JOIN ledger_entries e ON e.account_id = a.id
    WHERE a.asset <> 'TOKEN' GROUP BY a.id HAVING a.balance <> COALESCE(SUM(e.amount), 0)`;
  assert.deepEqual(drifted, [], 'accounts whose balance is not the sum of their entries');
  const totals = await db.$queryRaw<{ asset: string; total: bigint }[]>`
    SELECT asset::text, SUM(balance)::bigint AS total FROM ledger_accounts
    WHERE asset <> 'TOKEN' GROUP BY asset HAVING SUM(balance) <> 0`;
  assert.deepEqual(totals, [], 'money assets that do not sum to zero');
}
