import { z } from 'zod';
import { callbackCodec } from '#bots/shared/callback-data.ts';
import type { PrismaClient } from '#core/db/create-prisma.ts';
import type { Asset } from '#core/ledger/assets.ts';
import type { PayoutCurrency, PayoutMethod } from '#core/payouts/payout-methods.ts';
import { payoutOptions } from '#core/payouts/payout-options.ts';

/** The buttons of the /payout flow: which step they answer and the value chosen. */
export const payoutChoice = callbackCodec(
  'payout-flow',
  ['step', 'value'],
  z.object({
    step: z.enum(['asset', 'method', 'all', 'confirm', 'cancel']),
    value: z.string().regex(/^[a-zA-Z0-9_]{1,16}$/),
  }),
);
export type TPayoutChoice = NonNullable<ReturnType<typeof payoutChoice.decode>>;

/**
 * The payout options as the conversation keeps them: plain JSON (amounts and rates as decimal strings),
 * because conversation state, `external` results included, is stored in Redis.
 */
export interface TFlowOptions {
  emailVerified: boolean;
  balances: {
    asset: Asset;
    available: string;
    methods: { method: PayoutMethod; currency: PayoutCurrency; rate: string; min: string }[];
  }[];
}

export async function loadFlowOptions(db: PrismaClient, userId: bigint): Promise<TFlowOptions> {
  const options = await payoutOptions(db, userId);
  return {
    emailVerified: options.emailVerified,
    balances: options.balances.map((b) => ({
      asset: b.asset,
      available: b.available.toString(),
      methods: b.methods.map((m) => ({ ...m, rate: m.rate.toString(), min: m.min.toString() })),
    })),
  };
}
