import { recordBalanceChanges } from '../analytics/record-balance-changes.ts';
import type { ActorType, Prisma, TransactionType } from '../db/generated/client.ts';
import { AppError } from '../errors/app-error.ts';
import type { Asset } from './assets.ts';
import { accountId, type TTx } from './ledger-accounts.ts';
import type { TAccountRef } from './platform-accounts.ts';

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
  balanceBefore: bigint;
  balanceAfter: bigint;
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

  const amounts = new Map<bigint, { asset: Asset; amount: bigint }>();
  for (const posting of input.postings) {
    const id = await accountId(tx, posting.account);
    const current = amounts.get(id);
    amounts.set(id, { asset: posting.account.asset, amount: (current?.amount ?? 0n) + posting.amount });
  }
  const limit = input.debitLimit ?? 'available';
  const entries: TPostedEntry[] = [];
  for (const [id, { asset, amount }] of [...amounts].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    if (amount === 0n) continue;
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
  await tx.ledgerEntry.createMany({ data: entries.map((e) => ({ ...e, transactionId })) });
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
