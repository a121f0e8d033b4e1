import type { Hold, Prisma, PrismaClient } from '#core/db/generated/client.ts';
import { AppError } from '#core/errors/app-error.ts';
import type { Asset } from './assets.ts';
import { expireAccountGrants } from './expire-grants.ts';
import { accountId } from './ledger-accounts.ts';
import { postTransaction, type TPosted } from './post-transaction.ts';
import { LEDGER_TX_OPTIONS, spendTokensInTx } from './spend-tokens.ts';

export interface TReserve {
  /** One hold per key: a retried job reserves once. */
  key: string;
  userId: bigint;
  asset: Asset;
  amount: bigint;
  reason: string;
  ttlMs: number;
  now?: Date;
}

/** Reserves an amount: it stays in the balance but is no longer available until captured or released. */
export async function reserve(db: PrismaClient, input: TReserve): Promise<Hold> {
  const now = input.now ?? new Date();
  return db.$transaction(async (tx) => {
    const account = await accountId(tx, { user: input.userId, asset: input.asset });
    if (input.asset === 'TOKEN') await expireAccountGrants(tx, account, now);
    const inserted = await tx.$queryRaw<{ id: bigint }[]>`
      INSERT INTO holds (account_id, key, amount, reason, expires_at)
      VALUES (${account}, ${input.key}, ${input.amount}, ${input.reason}, ${new Date(now.getTime() + input.ttlMs)})
      ON CONFLICT (key) DO NOTHING RETURNING id`;
    if (!inserted[0]) return tx.hold.findUniqueOrThrow({ where: { key: input.key } });
    const updated = await tx.$executeRaw`
      UPDATE ledger_accounts SET held = held + ${input.amount}, updated_at = now()
      WHERE id = ${account} AND balance - held >= ${input.amount}`;
    if (updated === 0) throw new AppError('INSUFFICIENT_FUNDS', { asset: input.asset });
    return tx.hold.findUniqueOrThrow({ where: { id: inserted[0].id } });
  }, LEDGER_TX_OPTIONS);
}

/**
 * Captures what the work actually cost (at most the reserved amount) and frees the rest. Capturing an
 * already captured hold returns the same transaction; a released or expired hold cannot be captured.
 */
export async function capture(
  db: PrismaClient,
  input: { key: string; amount: bigint; reason: string; metadata?: Prisma.InputJsonObject; now?: Date },
): Promise<TPosted> {
  return db.$transaction(async (tx) => {
    const settled = await tx.$queryRaw<{ id: bigint; account_id: bigint; amount: bigint }[]>`
      UPDATE holds SET status = 'captured', settled_at = now()
      WHERE key = ${input.key} AND status = 'active' RETURNING id, account_id, amount`;
    const hold = settled[0];
    if (!hold) return alreadySettled(tx, input.key);
    if (input.amount > hold.amount || input.amount < 0n)
      throw new AppError('INVALID_INPUT', { max: hold.amount.toString() });
    const account = await tx.ledgerAccount.update({
      where: { id: hold.account_id },
      data: { held: { decrement: hold.amount } },
    });
    const spendKey = `hold:${input.key}:capture`;
    let posted: TPosted;
    if (input.amount === 0n) {
      posted = { transactionId: 0n, duplicate: false, entries: [] };
    } else if (account.asset === 'TOKEN' && account.userId !== null) {
      posted = await spendTokensInTx(tx, {
        key: spendKey,
        userId: account.userId,
        amount: input.amount,
        reason: input.reason,
        metadata: input.metadata,
        now: input.now,
      });
    } else {
      if (account.userId === null)
        throw new AppError('INVALID_INPUT', { reason: 'holds are on user accounts' });
      posted = await postTransaction(tx, {
        key: spendKey,
        type: 'spend',
        actor: { type: 'system' },
        reason: input.reason,
        metadata: input.metadata,
        postings: [
          { account: { user: account.userId, asset: account.asset }, amount: -input.amount },
          { account: { platform: 'revenue', asset: account.asset }, amount: input.amount },
        ],
      });
    }
    if (posted.transactionId !== 0n) {
      await tx.hold.update({ where: { id: hold.id }, data: { transactionId: posted.transactionId } });
    }
    return posted;
  }, LEDGER_TX_OPTIONS);
}

async function alreadySettled(tx: Prisma.TransactionClient, key: string): Promise<TPosted> {
  const hold = await tx.hold.findUnique({ where: { key } });
  if (!hold) throw new AppError('NOT_FOUND');
  if (hold.status !== 'captured') throw new AppError('HOLD_NOT_ACTIVE', { status: hold.status });
  return { transactionId: hold.transactionId ?? 0n, duplicate: true, entries: [] };
}

/** Gives a reservation back (the work failed). Releasing twice is harmless; a captured hold stays captured. */
export async function release(db: PrismaClient, key: string): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const settled = await tx.$queryRaw<{ account_id: bigint; amount: bigint }[]>`
      UPDATE holds SET status = 'released', settled_at = now()
      WHERE key = ${key} AND status = 'active' RETURNING account_id, amount`;
    const hold = settled[0];
    if (!hold) return false;
    await tx.$executeRaw`UPDATE ledger_accounts SET held = held - ${hold.amount} WHERE id = ${hold.account_id}`;
    return true;
  }, LEDGER_TX_OPTIONS);
}

/** Holds nobody captured in time release themselves: one statement, so a crash cannot half-apply it. */
export async function expireHolds(db: PrismaClient, now = new Date()): Promise<number> {
  const rows = await db.$queryRaw<{ count: bigint }[]>`
    WITH expired AS (
      UPDATE holds SET status = 'expired', settled_at = ${now}
      WHERE status = 'active' AND expires_at <= ${now} RETURNING account_id, amount
    ), totals AS (SELECT account_id, SUM(amount) AS total FROM expired GROUP BY account_id),
    freed AS (
      UPDATE ledger_accounts a SET held = a.held - totals.total FROM totals WHERE a.id = totals.account_id RETURNING a.id
    )
    SELECT count(*) AS count FROM expired`;
  return Number(rows[0]?.count ?? 0n);
}
