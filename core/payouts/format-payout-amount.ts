import { formatMinor } from '#core/ledger/assets.ts';
import { formatMoney } from '#core/money/format-money.ts';
import { PAYOUT_CURRENCY_UNITS, type PayoutCurrency } from './payout-methods.ts';
import { formatRate } from './payout-rate.ts';

const decimalMark = (text: string, lang: 'ru' | 'en') => (lang === 'ru' ? text.replace('.', ',') : text);

/** A payout currency's minor units as a plain decimal ("500.00", "0.0005"), for error details and APIs. */
export function payoutDecimal(amount: bigint, currency: PayoutCurrency): string {
  if (currency !== 'BTC') return formatMinor(amount, currency);
  const unit = PAYOUT_CURRENCY_UNITS.BTC;
  const fraction = (amount % unit).toString().padStart(8, '0').replace(/0+$/, '');
  return fraction ? `${amount / unit}.${fraction}` : `${amount / unit}`;
}

/** What a payout sends, for people: "500 ₽", "12.50 USDT", "0.00105 BTC" (BTC keeps only the digits it needs). */
export function formatPayoutAmount(amount: bigint, currency: PayoutCurrency, lang: 'ru' | 'en'): string {
  if (currency !== 'BTC') return formatMoney(amount, currency, lang);
  return `${decimalMark(payoutDecimal(amount, currency), lang)} BTC`;
}

/** A rate's right-hand side: "1.3 ₽", "0.998 USDT", "0.0000105 BTC", exact to the digit the admin set. */
export function formatPayoutRate(rate: bigint, currency: PayoutCurrency, lang: 'ru' | 'en'): string {
  const number = decimalMark(formatRate(rate), lang);
  return currency === 'RUB' ? `${number} ₽` : `${number} ${currency}`;
}
