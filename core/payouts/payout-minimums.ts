import type { Asset } from '#core/ledger/assets.ts';
import type { PayoutMethod } from './payout-methods.ts';

/**
 * Stars turn into money only through Telegram's own withdrawal, 1,000 at a time: paying out fewer would be
 * paid from money the platform cannot draw yet.
 */
const STARS_MIN = 1_000n;

/**
 * The smallest payout per method and balance, in one table. `sent`: the least worth sending, in minor units
 * of the method's currency (a transfer by hand or a network fee costs about the same for any amount).
 * `from`: the least that may leave a given balance, in its own minor units, whatever the rate.
 */
export const PAYOUT_MINIMUMS: Record<PayoutMethod, { sent: bigint; from: Partial<Record<Asset, bigint>> }> = {
  // 500 ₽: the partner programme's minimum (spec, section 9).
  card_rub: { sent: 50_000n, from: { XTR: STARS_MIN } },
  sbp_rub: { sent: 50_000n, from: { XTR: STARS_MIN } },
  usdt_trc20: { sent: 1_000n, from: { XTR: STARS_MIN } },
  // An ERC-20 transfer costs a few dollars of gas: below 20 USDT too much of the payout is lost on the way.
  usdt_erc20: { sent: 2_000n, from: { XTR: STARS_MIN } },
  // 0.0005 BTC (50,000 satoshi): below that the network fee is a large share of the payout.
  btc: { sent: 50_000n, from: { XTR: STARS_MIN } },
};
