import type { PrismaClient } from '#core/db/create-prisma.ts';
import { LEDGER_TX_OPTIONS } from '#core/ledger/spend-tokens.ts';
import { creditTokens } from '#core/ledger/token-grants.ts';
import type { TelegramTestClient } from '#sandbox/telegram/client.ts';

export const FUNDED_TOKENS = 1_000n;

/** Signed-up users known to the Bot API, each with tokens for a few mini-model replies. */
export async function prepareUsers(db: PrismaClient, telegram: TelegramTestClient, ids: number[]) {
  await Promise.all(ids.map((id) => telegram.upsertUser({ id, first_name: `U${id}`, language_code: 'en' })));
  await db.user.createMany({
    data: ids.map((id) => ({
      id: BigInt(id),
      firstName: `U${id}`,
      referralCode: `ais${id}`,
      language: 'en',
      signedUpAt: new Date(),
    })),
  });
  for (const id of ids)
    await db.$transaction(
      (tx) =>
        creditTokens(tx, {
          key: `bench-ai-streaming:${id}`,
          userId: BigInt(id),
          amount: FUNDED_TOKENS,
          source: 'purchase',
          expiresAt: null,
          type: 'topup',
          actor: { type: 'system' },
          reason: 'bench',
        }),
      LEDGER_TX_OPTIONS,
    );
}

/** Each user paid for exactly one reply, and no tokens are left on hold. */
export async function verifyCharges(db: PrismaClient, ids: number[], price: bigint) {
  const accounts = await db.ledgerAccount.findMany({
    where: { userId: { in: ids.map(BigInt) }, asset: 'TOKEN' },
  });
  const wrong = accounts.filter((a) => a.balance !== FUNDED_TOKENS - price || a.held !== 0n);
  if (accounts.length !== ids.length || wrong.length > 0)
    throw new Error(
      `ai-streaming: ${wrong.length} of ${ids.length} users not charged exactly ${price} tokens`,
    );
}
