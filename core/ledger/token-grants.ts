import type { ActorType, GrantSource, Prisma, TransactionType } from '#core/db/generated/client.ts';
import { accountId, type TTx } from './ledger-accounts.ts';
import type { TPlatformAccount } from './platform-accounts.ts';
import { postTransaction, type TPosted } from './post-transaction.ts';

export interface TCreditTokens {
  key: string;
  userId: bigint;
  amount: bigint;
  source: GrantSource;
  /** Null for perpetual tokens (purchased packs); a subscription's tokens expire with it. */
  expiresAt: Date | null;
  type: TransactionType;
  actor: { type: ActorType; id?: bigint | null };
  reason: string;
  metadata?: Prisma.InputJsonObject;
  from?: TPlatformAccount;
}

/**
 * Credits tokens as a grant. If the balance is below zero (an admin correction said so), the new tokens
 * repay that first: the grant keeps only what is left, so the balance stays the sum of what grants hold.
 */
export async function creditTokens(
  tx: TTx,
  input: TCreditTokens,
): Promise<TPosted & { grantId: bigint | null }> {
  const posted = await postTransaction(tx, {
    key: input.key,
    type: input.type,
    actor: input.actor,
    reason: input.reason,
    metadata: input.metadata,
    postings: [
      { account: { platform: input.from ?? 'issuance', asset: 'TOKEN' }, amount: -input.amount },
      { account: { user: input.userId, asset: 'TOKEN' }, amount: input.amount },
    ],
  });
  if (posted.duplicate) {
    const grant = await tx.tokenGrant.findFirst({
      where: { transactionId: posted.transactionId },
      select: { id: true },
    });
    return { ...posted, grantId: grant?.id ?? null };
  }
  const userEntry = posted.entries.find((e) => e.amount > 0n);
  const before = userEntry?.balanceBefore ?? 0n;
  const debt = before < 0n ? -before : 0n;
  const remaining = input.amount > debt ? input.amount - debt : 0n;
  const grant = await tx.tokenGrant.create({
    data: {
      accountId: userEntry?.accountId ?? (await accountId(tx, { user: input.userId, asset: 'TOKEN' })),
      source: input.source,
      amount: input.amount,
      remaining,
      expiresAt: input.expiresAt,
      transactionId: posted.transactionId,
    },
  });
  return { ...posted, grantId: grant.id };
}

/**
 * Takes `amount` out of a user's grants, soonest-expiring first, perpetual last, in one statement. Called
 * inside the same transaction that debited the account, whose row lock serializes this per user. Returns
 * what each grant gave.
 */
export async function consumeGrants(
  tx: TTx,
  tokenAccountId: bigint,
  amount: bigint,
  now: Date,
): Promise<{ grantId: bigint; taken: bigint }[]> {
  const rows = await tx.$queryRaw<{ id: bigint; taken: bigint }[]>`
    WITH locked AS (
      SELECT id, remaining, expires_at FROM token_grants
      WHERE account_id = ${tokenAccountId} AND remaining > 0 AND expired_at IS NULL
        AND (expires_at IS NULL OR expires_at > ${now})
      FOR UPDATE
    ), ordered AS (
      SELECT id, remaining,
             SUM(remaining) OVER (ORDER BY expires_at ASC NULLS LAST, id ASC) - remaining AS before_this
      FROM locked
    ), takes AS (
      SELECT id, LEAST(remaining, ${amount}::bigint - before_this) AS taken
      FROM ordered WHERE before_this < ${amount}::bigint
    )
    UPDATE token_grants g SET remaining = g.remaining - takes.taken
    FROM takes WHERE g.id = takes.id
    RETURNING g.id, takes.taken`;
  return rows.map((r) => ({ grantId: r.id, taken: r.taken }));
}
