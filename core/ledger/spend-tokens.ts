import type { Prisma, PrismaClient } from '#core/db/generated/client.ts';
import { expireAccountGrants } from './expire-grants.ts';
import { accountId, type TTx } from './ledger-accounts.ts';
import { postTransaction, type TPosted } from './post-transaction.ts';
import { consumeGrants } from './token-grants.ts';

export interface TSpendTokens {
  key: string;
  userId: bigint;
  amount: bigint;
  reason: string;
  actor?: { type: 'user' | 'system' | 'admin'; id?: bigint | null };
  metadata?: Prisma.InputJsonObject;
  now?: Date;
}

/** Spends tokens inside an open transaction: due grants expire first, so expired tokens are never spent. */
export async function spendTokensInTx(tx: TTx, input: TSpendTokens): Promise<TPosted> {
  const now = input.now ?? new Date();
  const account = await accountId(tx, { user: input.userId, asset: 'TOKEN' });
  await expireAccountGrants(tx, account, now);
  const posted = await postTransaction(tx, {
    key: input.key,
    type: 'spend',
    actor: input.actor ?? { type: 'user', id: input.userId },
    reason: input.reason,
    metadata: input.metadata,
    postings: [
      { account: { user: input.userId, asset: 'TOKEN' }, amount: -input.amount },
      { account: { platform: 'consumed', asset: 'TOKEN' }, amount: input.amount },
    ],
  });
  if (!posted.duplicate) await consumeGrants(tx, account, input.amount, now);
  return posted;
}

/** Long waits for a pooled connection are normal under a burst of spends; they queue, they do not fail. */
export const LEDGER_TX_OPTIONS = { maxWait: 30_000, timeout: 30_000 } as const;

export function spendTokens(db: PrismaClient, input: TSpendTokens): Promise<TPosted> {
  return db.$transaction((tx) => spendTokensInTx(tx, input), LEDGER_TX_OPTIONS);
}
