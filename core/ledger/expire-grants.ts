import type { PrismaClient } from '#core/db/generated/client.ts';
import type { TTx } from './ledger-accounts.ts';
import { postTransaction } from './post-transaction.ts';

/**
 * Expires one account's due grants: one `expiry` transaction per grant (key `expiry:grant:<id>`), so a
 * re-run or a concurrent job cannot expire a grant twice. Holds do not postpone expiry.
 */
export async function expireAccountGrants(tx: TTx, tokenAccountId: bigint, now: Date): Promise<number> {
  const due = await tx.$queryRaw<{ id: bigint; remaining: bigint; user_id: bigint }[]>`
    SELECT g.id, g.remaining, a.user_id FROM token_grants g JOIN ledger_accounts a ON a.id = g.account_id
    WHERE g.account_id = ${tokenAccountId} AND g.expired_at IS NULL AND g.expires_at <= ${now}
    FOR UPDATE OF g`;
  for (const grant of due) {
    if (grant.remaining > 0n) {
      await postTransaction(tx, {
        key: `expiry:grant:${grant.id}`,
        type: 'expiry',
        actor: { type: 'system' },
        reason: 'grant expired',
        metadata: { grantId: grant.id.toString() },
        debitLimit: 'balance',
        postings: [
          { account: { user: grant.user_id, asset: 'TOKEN' }, amount: -grant.remaining },
          { account: { platform: 'expired', asset: 'TOKEN' }, amount: grant.remaining },
        ],
      });
    }
    await tx.$executeRaw`UPDATE token_grants SET remaining = 0, expired_at = ${now} WHERE id = ${grant.id}`;
  }
  return due.length;
}

/** The scheduled job: every account that has a due grant, one short transaction each. */
export async function expireDueGrants(db: PrismaClient, now = new Date()): Promise<number> {
  const accounts = await db.$queryRaw<{ account_id: bigint }[]>`
    SELECT DISTINCT account_id FROM token_grants WHERE expired_at IS NULL AND expires_at <= ${now} LIMIT 1000`;
  let expired = 0;
  for (const { account_id } of accounts) {
    expired += await db.$transaction((tx) => expireAccountGrants(tx, account_id, now));
  }
  return expired;
}
