import type { Asset, PrismaClient, TransactionType } from '#core/db/generated/client.ts';
import type { TLocalizedText } from '#core/i18n/localized-text.ts';
import { describeEntry } from './describe-entry.ts';
import { entryFacts, loadEntryLookups } from './load-entry-lookups.ts';

export interface THistoryItem {
  entryId: bigint;
  at: Date;
  asset: Asset;
  amount: bigint;
  balanceBefore: bigint;
  balanceAfter: bigint;
  type: TransactionType;
  reason: string;
  /** What the movement was for, to be said in the reader's language (describe-entry.ts). */
  description: TLocalizedText;
}

/** A user's ledger entries, newest first, with old and new balance; keyset-paged by entry id. */
export async function balanceHistory(
  db: PrismaClient,
  input: { userId: bigint; asset?: Asset; type?: TransactionType; beforeId?: bigint; limit?: number },
): Promise<THistoryItem[]> {
  const entries = await db.ledgerEntry.findMany({
    where: {
      account: { userId: input.userId },
      asset: input.asset,
      transaction: input.type ? { type: input.type } : undefined,
      id: input.beforeId ? { lt: input.beforeId } : undefined,
    },
    orderBy: { id: 'desc' },
    take: Math.min(input.limit ?? 10, 100),
    include: {
      transaction: { select: { type: true, idempotencyKey: true, reason: true, metadata: true } },
    },
  });
  const rows = entries.map((e) => ({ e, facts: entryFacts(e.transaction, e) }));
  const lookups = await loadEntryLookups(
    db,
    input.userId,
    rows.map((r) => r.facts),
  );
  return rows.map(({ e, facts }) => ({
    entryId: e.id,
    at: e.createdAt,
    asset: e.asset,
    amount: e.amount,
    balanceBefore: settled(e.balanceBefore, e.id),
    balanceAfter: settled(e.balanceAfter, e.id),
    type: e.transaction.type,
    reason: e.transaction.reason,
    description: describeEntry(facts, lookups),
  }));
}

/** A user's entries carry their balances when posted; only platform sinks settle later. */
function settled(balance: bigint | null, entryId: bigint): bigint {
  if (balance === null) throw new Error(`ledger entry ${entryId} of a user account has no balance`);
  return balance;
}
