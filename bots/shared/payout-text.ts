import type { TLang } from '#core/i18n/translator.ts';
import { type Asset, MINOR_UNITS } from '#core/ledger/assets.ts';
import { formatMoney } from '#core/money/format-money.ts';
import { formatPayoutAmount, formatPayoutRate } from '#core/payouts/format-payout-amount.ts';
import { METHOD_LABEL_KEYS } from '#core/payouts/payout-method-keys.ts';
import type { PayoutCurrency, PayoutMethod } from '#core/payouts/payout-methods.ts';
import { rateFromDecimal } from '#core/payouts/payout-rate.ts';

type TTranslate = (key: string, args?: Record<string, string>) => string;

/** The pieces of a payout request both bots and the notices show, in the reader's language. */
export interface TPayoutRequestView {
  asset: Asset;
  amount: bigint;
  method: PayoutMethod;
  destination: string;
  bankName: string | null;
  rate: { toFixed(digits: number): string };
  payoutAmount: bigint;
  payoutCurrency: PayoutCurrency;
}

export const methodName = (t: TTranslate, method: PayoutMethod): string => t(METHOD_LABEL_KEYS[method]);

/** Both sides of a rate: "1 ⭐" and "1.3 ₽", "$1" and "0.998 USDT". */
export const rateSides = (asset: Asset, rate: bigint, currency: PayoutCurrency, lang: TLang) => ({
  from: formatMoney(MINOR_UNITS[asset], asset, lang),
  to: formatPayoutRate(rate, currency, lang),
});

/** "1 ⭐ = 1.3 ₽". */
export const rateText = (asset: Asset, rate: bigint, currency: PayoutCurrency, lang: TLang): string => {
  const { from, to } = rateSides(asset, rate, currency, lang);
  return `${from} = ${to}`;
};

export const destinationText = (t: TTranslate, view: { destination: string; bankName: string | null }) =>
  view.bankName
    ? t('payouts-destination-with-bank', { destination: view.destination, bank: view.bankName })
    : view.destination;

export function describePayoutRequest(t: TTranslate, request: TPayoutRequestView, lang: TLang) {
  return {
    amount: formatMoney(request.amount, request.asset, lang),
    send: formatPayoutAmount(request.payoutAmount, request.payoutCurrency, lang),
    method: methodName(t, request.method),
    destination: destinationText(t, request),
    rate: rateText(request.asset, rateFromDecimal(request.rate), request.payoutCurrency, lang),
  };
}
