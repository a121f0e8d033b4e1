import type { Asset } from '#core/ledger/assets.ts';
import { METHOD_CURRENCY, type PayoutMethod } from './payout-methods.ts';
import { PAYOUT_MINIMUMS } from './payout-minimums.ts';
import { amountSending } from './payout-rate.ts';

/**
 * The least that may be requested from a balance of `asset` by `method` at `rate`, in the balance's minor
 * units: the larger of the balance's own floor and what sends the method's minimum.
 */
export function payoutMinimum(asset: Asset, method: PayoutMethod, rate: bigint): bigint {
  const rule = PAYOUT_MINIMUMS[method];
  const sending = amountSending(rule.sent, asset, rate, METHOD_CURRENCY[method]);
  const floor = rule.from[asset] ?? 0n;
  return sending > floor ? sending : floor;
}
