import { recordBalanceChanges } from '#core/analytics/record-balance-changes.ts';
import type { ActorType, Prisma, TransactionType } from '#core/db/generated/client.ts';
import { AppError } from '#core/errors/app-error.ts';
import type { Asset } from './assets.ts';
import { refKey, resolveAccounts, type TResolvedAccount, type TTx } from './ledger-accounts.ts';
import { PLATFORM_ACCOUNTS, type TAccountRef } from './platform-accounts.ts';

export interface TPosting {
  account: TAccountRef;
  amount: bigint;
}

/**
 * How far a debit may go. `available`: balance − holds stays ≥ 0 (every ordinary spend). `balance`: the
 * balance stays ≥ 0 even if holds then exceed it (expiry applies a rule that holds cannot postpone).
 * `overdraft`: an explicit admin correction that says it may go below zero.
 */
export type TDebitLimit = 'available' | 'balance' | 'overdraft';

export interface TTransactionInput {
  key: string;
  type: TransactionType;
  actor: { type: ActorType; id?: bigint | null };
  reason: string;
  metadata?: Prisma.InputJsonObject;
  postings: TPosting[];
  debitLimit?: TDebitLimit;
}

export interface TPostedEntry {
  accountId: bigint;
  asset: Asset;
  amount: bigint;
  /** Null on a deferred platform account until settlement; always set on user accounts. */
  balanceBefore: bigint | null;
  balanceAfter: bigint | null;
}

export interface TPosted {
  transactionId: bigint;
  /** True when the key was already used: nothing moved this time. */
  duplicate: boolean;
  entries: TPostedEntry[];
}

function assertBalanced(postings: TPosting[]): void {
  const sums = new Map<Asset, bigint>();
  for (const p of postings) {
    if (p.amount === 0n) throw new AppError('LEDGER_UNBALANCED', { reason: 'zero posting' });
    sums.set(p.account.asset, (sums.get(p.account.asset) ?? 0n) + p.amount);
  }
  for (const [asset, sum] of sums) {
    if (sum !== 0n) throw new AppError('LEDGER_UNBALANCED', { asset, sum: sum.toString() });
  }
}

/**
 * Moves value between accounts, inside the caller's database transaction. Each account row is changed by
 * one conditional UPDATE, which both checks the limit and takes the row lock: concurrent spends on one
 * account queue in PostgreSQL, never in process memory. Accounts are touched in id order so two
 * transactions over the same accounts cannot deadlock.
 */
export async function postTransaction(tx: TTx, input: TTransactionInput): Promise<TPosted> {
  assertBalanced(input.postings);
  const metadata = JSON.stringify(input.metadata ?? {});
  const inserted = await tx.$queryRaw<{ id: bigint }[]>`
    INSERT INTO ledger_transactions (idempotency_key, type, actor_type, actor_id, reason, metadata)
    VALUES (${input.key}, ${input.type}::"TransactionType", ${input.actor.type}::"ActorType",
            ${input.actor.id ?? null}, ${input.reason}, ${metadata}::jsonb)
    ON CONFLICT (idempotency_key) DO NOTHING RETURNING id`;
  const transactionId = inserted[0]?.id;
  if (transactionId === undefined) return loadDuplicate(tx, input.key);

  const accounts = await resolveAccounts(
    tx,
    input.postings.map((p) => p.account),
  );
  const amounts = new Map<bigint, { asset: Asset; amount: bigint; deferred: boolean }>();
  for (const posting of input.postings) {
    const account = accounts.get(refKey(posting.account));
    if (!account) throw new Error(`ledger account ${refKey(posting.account)} was not resolved`);
    const current = amounts.get(account.id);
    amounts.set(account.id, {
      asset: posting.account.asset,
      amount: (current?.amount ?? 0n) + posting.amount,
      deferred: account.deferred,
    });
  }
  const limit = input.debitLimit ?? 'available';
  const entries: TPostedEntry[] = [];
  for (const [id, { asset, amount, deferred }] of [...amounts].sort(([a], [b]) =>
    a < b ? -1 : a > b ? 1 : 0,
  )) {
    if (amount === 0n) continue;
    if (deferred) {
      // No lock and no limit check: the balance catches up at settlement. Only a source that may run
      // negative can be debited this way (platform-accounts.ts says which).
      if (amount < 0n && !isAllowedNegative(input.postings, id, accounts))
        throw new AppError('LEDGER_UNBALANCED', { reason: 'debit of a deferred sink' });
      entries.push({ accountId: id, asset, amount, balanceBefore: null, balanceAfter: null });
      continue;
    }
    const updated = await tx.$queryRaw<{ balance: bigint }[]>`
      UPDATE ledger_accounts SET balance = balance + ${amount}, updated_at = now()
      WHERE id = ${id} AND (
        ${amount} >= 0 OR allow_negative OR ${limit} = 'overdraft'
        OR (${limit} = 'balance' AND balance + ${amount} >= 0)
        OR (${limit} = 'available' AND balance - held + ${amount} >= 0)
      ) RETURNING balance`;
    const after = updated[0]?.balance;
    if (after === undefined) throw new AppError('INSUFFICIENT_FUNDS', { asset });
    entries.push({ accountId: id, asset, amount, balanceBefore: after - amount, balanceAfter: after });
  }
  await insertEntries(tx, transactionId, entries);
  // The analytics outbox sees every change of a user's balance, committed or rolled back with it.
  if (input.postings.some((p) => 'user' in p.account))
    await recordBalanceChanges(tx, { transactionId, type: input.type });
  return { transactionId, duplicate: false, entries };
}

async function loadDuplicate(tx: TTx, key: string): Promise<TPosted> {
  const existing = await tx.ledgerTransaction.findUniqueOrThrow({
    where: { idempotencyKey: key },
    include: { entries: true },
  });
  return {
    transactionId: existing.id,
    duplicate: true,
    entries: existing.entries.map((e) => ({
      accountId: e.accountId,
      asset: e.asset,
      amount: e.amount,
      balanceBefore: e.balanceBefore,
      balanceAfter: e.balanceAfter,
    })),
  };
}

function isAllowedNegative(
  postings: TPosting[],
  id: bigint,
  accounts: Map<string, TResolvedAccount>,
): boolean {
  const ref = postings.find((p) => accounts.get(refKey(p.account))?.id === id)?.account;
  return ref !== undefined && 'platform' in ref && PLATFORM_ACCOUNTS[ref.platform].allowNegative;
}

/**
 * All entries in one statement; entries on deferred accounts are also queued for settlement in the same
 * statement, so an entry can never be committed without its pending row.
 */
async function insertEntries(tx: TTx, transactionId: bigint, entries: TPostedEntry[]): Promise<void> {
  const text = (v: bigint | null) => (v === null ? null : v.toString());
  await tx.$executeRaw`
    WITH inserted AS (
      INSERT INTO ledger_entries (transaction_id, account_id, asset, amount, balance_before, balance_after)
      SELECT ${transactionId}, e.account_id, e.asset::"Asset", e.amount, e.balance_before, e.balance_after
      FROM unnest(${entries.map((e) => e.accountId.toString())}::text[]::bigint[],
                  ${entries.map((e) => e.asset)}::text[],
                  ${entries.map((e) => e.amount.toString())}::text[]::bigint[],
                  ${entries.map((e) => text(e.balanceBefore))}::text[]::bigint[],
                  ${entries.map((e) => text(e.balanceAfter))}::text[]::bigint[])
             AS e(account_id, asset, amount, balance_before, balance_after)
      RETURNING id, account_id, amount, balance_after)
    INSERT INTO ledger_pending_entries (entry_id, account_id, amount)
    SELECT id, account_id, amount FROM inserted WHERE balance_after IS NULL`;
}
