import type { PrismaClient } from '#core/db/generated/client.ts';
import {
  METHOD_CURRENCY,
  PAYOUT_METHODS,
  type PayoutCurrency,
  type PayoutMethod,
  type TWithdrawableAsset,
  WITHDRAWABLE_ASSETS,
} from './payout-methods.ts';
import { payoutMinimum } from './payout-minimum.ts';
import { listPayoutRates, rateFor } from './payout-rates.ts';

export interface TPayoutMethodOption {
  method: PayoutMethod;
  currency: PayoutCurrency;
  /** Scaled (payout-rate.ts); RATE_ONE in the balance's own currency. */
  rate: bigint;
  /** The least that may be requested, in the balance's minor units. */
  min: bigint;
}

export interface TPayoutOptions {
  emailVerified: boolean;
  /** Balances with something available to withdraw, each with the methods offered for it (may be none). */
  balances: { asset: TWithdrawableAsset; available: bigint; methods: TPayoutMethodOption[] }[];
}

/** What a user could withdraw now and how: the first screen of the bot's flow and of the Mini App's. */
export async function payoutOptions(db: PrismaClient, userId: bigint): Promise<TPayoutOptions> {
  const user = await db.user.findUnique({
    where: { id: userId },
    select: { email: true, emailVerifiedAt: true },
  });
  const accounts = await db.ledgerAccount.findMany({
    where: { userId, asset: { in: [...WITHDRAWABLE_ASSETS] } },
  });
  const rates = await listPayoutRates(db);
  const balances = WITHDRAWABLE_ASSETS.flatMap((asset) => {
    const account = accounts.find((a) => a.asset === asset);
    const available = account ? account.balance - account.held : 0n;
    if (available <= 0n) return [];
    const methods = PAYOUT_METHODS.flatMap((method) => {
      const rate = rateFor(rates, asset, method);
      if (rate === null) return [];
      return [{ method, currency: METHOD_CURRENCY[method], rate, min: payoutMinimum(asset, method, rate) }];
    });
    return [{ asset, available, methods }];
  });
  return { emailVerified: Boolean(user?.email && user.emailVerifiedAt), balances };
}
