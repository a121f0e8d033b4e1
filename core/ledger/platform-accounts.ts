import type { Asset } from './assets.ts';

/**
 * Named accounts of the platform itself. Sources and sinks (allowNegative) stand for the world outside the
 * ledger, so that every movement is a balanced transaction: tokens come from `issuance`, money paid by a
 * provider comes from `external:<provider>`.
 *
 * `deferred`: the account's balance is settled in batches instead of row by row. Every spend, grant and
 * expiry touches one of the token accounts below; updating that one shared row inside each transaction
 * would queue every user's spend behind every other's. No rule reads these balances to allow or refuse a
 * movement (issuance may go negative; consumed and expired only ever receive), so nothing is lost by
 * adding to them a few seconds later (core/ledger/settle-platform-accounts.ts).
 */
export const PLATFORM_ACCOUNTS = {
  /** Where tokens come from when they are sold, granted or given as bonus. */
  issuance: { allowNegative: true, deferred: true },
  /** Tokens users spent on work. */
  consumed: { allowNegative: false, deferred: true },
  /** Tokens that expired with their grant. */
  expired: { allowNegative: false, deferred: true },
  /** Money received for products. */
  revenue: { allowNegative: true },
  /** Partner commissions owed. */
  commission: { allowNegative: false },
  /** Withdrawals requested by users (any withdrawable balance) and waiting for finance to send or refuse them. */
  payouts_in_flight: { allowNegative: false },
  /** Money as it stands with each payment provider (negative: what the provider collected for us). */
  'external:stars': { allowNegative: true },
  'external:yookassa': { allowNegative: true },
  'external:cryptobot': { allowNegative: true },
  /** Clearing for payments from users' own RUB balances: debited user → here → revenue in one transaction. */
  'external:wallet': { allowNegative: true },
  /** Money sent out to partners by hand (card, wallet) when finance approves a payout. */
  'external:payouts': { allowNegative: true },
  /** Counterpart of admin corrections and manual adjustments. */
  adjustments: { allowNegative: true },
} as const satisfies Record<string, { allowNegative: boolean; deferred?: boolean }>;

export type TPlatformAccount = keyof typeof PLATFORM_ACCOUNTS;

export type TAccountRef = { user: bigint; asset: Asset } | { platform: TPlatformAccount; asset: Asset };

export const isDeferredAccount = (code: TPlatformAccount): boolean => {
  const account = PLATFORM_ACCOUNTS[code];
  return 'deferred' in account && account.deferred === true;
};
