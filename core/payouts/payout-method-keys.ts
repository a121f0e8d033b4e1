import type { PayoutMethod } from './payout-methods.ts';

/** Fluent keys (payouts.ftl in each locale) of each method's name and of the question for its destination. */
export const METHOD_LABEL_KEYS: Record<PayoutMethod, string> = {
  card_rub: 'payout-method-card',
  sbp_rub: 'payout-method-sbp',
  usdt_trc20: 'payout-method-trc20',
  usdt_erc20: 'payout-method-erc20',
  btc: 'payout-method-btc',
};

export const DESTINATION_PROMPT_KEYS: Record<PayoutMethod, string> = {
  card_rub: 'payouts-ask-card',
  sbp_rub: 'payouts-ask-sbp',
  usdt_trc20: 'payouts-ask-trc20',
  usdt_erc20: 'payouts-ask-erc20',
  btc: 'payouts-ask-btc',
};
