import type { Prisma, TransactionType } from '#core/db/generated/client.ts';
import { BALANCE_ACTIONS } from './analytics-events.ts';

/**
 * One `balance_change` event per entry of a ledger transaction that touched a user's account, written by a
 * single INSERT … SELECT in the transaction that posted it: one round trip whatever the number of entries,
 * and the email comes from the same statement. Payload fields match ZBalanceChangePayloadSchema.
 */
export async function recordBalanceChanges(
  tx: Prisma.TransactionClient,
  opts: { transactionId: bigint; type: TransactionType },
): Promise<void> {
  await tx.$executeRaw`
    INSERT INTO analytics_events (type, user_id, payload)
    SELECT 'balance_change', a.user_id, jsonb_build_object(
             'action', ${BALANCE_ACTIONS[opts.type]}::text,
             'asset', e.asset,
             'diff', e.amount::text,
             'old_balance', e.balance_before::text,
             'new_balance', e.balance_after::text,
             'transaction_id', e.transaction_id::text,
             'email', u.email)
    FROM ledger_entries e
    JOIN ledger_accounts a ON a.id = e.account_id
    LEFT JOIN users u ON u.id = a.user_id
    WHERE e.transaction_id = ${opts.transactionId} AND a.user_id IS NOT NULL
    ORDER BY e.id`;
}
