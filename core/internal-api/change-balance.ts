import { randomUUID } from 'node:crypto';
import type { PrismaClient } from '#core/db/generated/client.ts';
import { AppError, isAppError } from '#core/errors/app-error.ts';
import { adjustBalanceInTx } from '#core/ledger/adjust-balance.ts';
import { LEDGER_TX_OPTIONS } from '#core/ledger/spend-tokens.ts';
import { auditRefusal } from './audit-refusal.ts';

const ACTION = 'internal_api.balance';

export interface TChangeBalanceResult {
  oldBalance: bigint;
  diff: bigint;
  newBalance: bigint;
}

/**
 * PUT /api/internal/balance: the system adds or takes tokens. It goes through the same path as an admin's
 * correction (a `manual` ledger transaction against the adjustments account, a perpetual grant for a
 * credit, grants consumed for a debit) with no staff member behind it: the ledger's actor is `admin` with
 * no id, the audit row has no actor. A debit larger than what is available is refused, never overdrawn.
 */
export async function changeBalance(
  db: PrismaClient,
  opts: { userId: bigint; diff: bigint },
): Promise<TChangeBalanceResult> {
  try {
    const adjusted = await db.$transaction(
      (tx) =>
        adjustBalanceInTx(tx, {
          actorId: null,
          auditAction: ACTION,
          userId: opts.userId,
          asset: 'TOKEN',
          amount: opts.diff,
          reason: 'admin API',
          // The spec's call carries no key of its own: each call is a new correction.
          key: `internal-api:balance:${randomUUID()}`,
        }),
      LEDGER_TX_OPTIONS,
    );
    return {
      oldBalance: adjusted.before,
      diff: opts.diff,
      newBalance: adjusted.after,
    };
  } catch (error) {
    // The caller is told what the balance is, so a script can decide what to do instead.
    let refusal = error;
    if (isAppError(error, 'INSUFFICIENT_FUNDS')) {
      const account = await db.ledgerAccount.findUnique({
        where: { userId_asset: { userId: opts.userId, asset: 'TOKEN' } },
      });
      const balance = account?.balance ?? 0n;
      refusal = new AppError('INSUFFICIENT_FUNDS', {
        balance: balance.toString(),
        available: (balance - (account?.held ?? 0n)).toString(),
      });
    }
    return auditRefusal(db, {
      action: ACTION,
      userId: opts.userId,
      request: { diff: opts.diff.toString() },
      error: refusal,
    });
  }
}
