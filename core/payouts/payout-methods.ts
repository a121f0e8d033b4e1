import type { PayoutCurrency, PayoutMethod } from '#core/db/generated/client.ts';
import type { Asset } from '#core/ledger/assets.ts';

export type { PayoutCurrency, PayoutMethod };

/** In the order people are offered them: roubles first (most partners), then crypto. */
export const PAYOUT_METHODS: readonly PayoutMethod[] = [
  'card_rub',
  'sbp_rub',
  'usdt_trc20',
  'usdt_erc20',
  'btc',
];

/** What each method sends. */
export const METHOD_CURRENCY: Record<PayoutMethod, PayoutCurrency> = {
  card_rub: 'RUB',
  sbp_rub: 'RUB',
  usdt_trc20: 'USDT',
  usdt_erc20: 'USDT',
  btc: 'BTC',
};

/** Minor units per unit of what is sent: kopecks, USDT cents (as the ledger keeps USDT), satoshi. */
export const PAYOUT_CURRENCY_UNITS: Record<PayoutCurrency, bigint> = {
  RUB: 100n,
  USDT: 100n,
  BTC: 100_000_000n,
};

/**
 * The balances money can leave the platform from: partner commissions (in the payment's currency) and GPU
 * earnings (USD). Tokens are never paid out: they are bought to be spent here.
 */
export type TWithdrawableAsset = Exclude<Asset, 'TOKEN'>;
export const WITHDRAWABLE_ASSETS: readonly TWithdrawableAsset[] = ['RUB', 'USD', 'XTR', 'USDT'];

export const isWithdrawable = (asset: Asset): asset is TWithdrawableAsset =>
  (WITHDRAWABLE_ASSETS as readonly Asset[]).includes(asset);

/** A balance in the method's own currency needs no rate: RUB to a card, USDT to a USDT wallet. */
export const sameCurrency = (asset: Asset, method: PayoutMethod): boolean =>
  (METHOD_CURRENCY[method] as string) === asset;
