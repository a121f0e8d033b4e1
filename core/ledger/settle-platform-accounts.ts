import type { PrismaClient } from '#core/db/generated/client.ts';
import type { Asset } from './assets.ts';
import type { TTx } from './ledger-accounts.ts';
import type { TPlatformAccount } from './platform-accounts.ts';

/** Pending entries added per account per transaction: keeps a settlement short after a long outage. */
const BATCH = 5_000;

/**
 * Adds the pending entries of one deferred account to its balance, in entry-id order, and fills in their
 * balance before and after. The account row is locked first, in its own statement, so that two settlers
 * never take the same pending rows: the second one's DELETE runs on a fresh snapshot after the first
 * committed.
 */
async function settleAccount(tx: TTx, accountId: bigint): Promise<number> {
  const locked = await tx.$queryRaw<{ balance: bigint }[]>`
    SELECT balance FROM ledger_accounts WHERE id = ${accountId} FOR UPDATE`;
  const balance = locked[0]?.balance;
  if (balance === undefined) return 0;
  const settled = await tx.$queryRaw<{ count: bigint }[]>`
    WITH batch AS (
      SELECT entry_id FROM ledger_pending_entries WHERE account_id = ${accountId}
      ORDER BY entry_id LIMIT ${BATCH}
    ), taken AS (
      DELETE FROM ledger_pending_entries p USING batch WHERE p.entry_id = batch.entry_id
      RETURNING p.entry_id, p.amount
    ), running AS (
      SELECT entry_id, amount, SUM(amount) OVER (ORDER BY entry_id) AS total FROM taken
    ), entries AS (
      UPDATE ledger_entries e
      SET balance_before = ${balance}::bigint + running.total - running.amount,
          balance_after = ${balance}::bigint + running.total
      FROM running WHERE e.id = running.entry_id
      RETURNING running.amount
    ), account AS (
      UPDATE ledger_accounts SET balance = balance + (SELECT COALESCE(SUM(amount), 0) FROM entries),
                                 updated_at = now()
      WHERE id = ${accountId} AND EXISTS (SELECT 1 FROM entries)
      RETURNING id
    )
    SELECT count(*) AS count FROM entries`;
  return Number(settled[0]?.count ?? 0n);
}

/**
 * Settles every deferred account that has pending entries. Idempotent and safe to run from several
 * processes at once; returns the number of entries settled.
 */
export async function settlePlatformAccounts(db: PrismaClient): Promise<number> {
  const accounts = await db.$queryRaw<{ account_id: bigint }[]>`
    SELECT DISTINCT account_id FROM ledger_pending_entries`;
  let total = 0;
  for (const { account_id } of accounts) {
    for (;;) {
      const settled = await db.$transaction((tx) => settleAccount(tx, account_id));
      total += settled;
      if (settled < BATCH) break;
    }
  }
  return total;
}

/**
 * The balance of a platform account as of now: what is settled plus what is pending. Reports and tests
 * read this rather than the row, which lags by up to one settlement interval on deferred accounts.
 */
export async function platformBalance(
  db: PrismaClient | TTx,
  code: TPlatformAccount,
  asset: Asset,
): Promise<bigint> {
  const rows = await db.$queryRaw<{ balance: bigint }[]>`
    SELECT (a.balance + COALESCE((SELECT SUM(p.amount) FROM ledger_pending_entries p
                                   WHERE p.account_id = a.id), 0))::bigint AS balance
    FROM ledger_accounts a WHERE a.code = ${code} AND a.asset = ${asset}::"Asset"`;
  return rows[0]?.balance ?? 0n;
}
