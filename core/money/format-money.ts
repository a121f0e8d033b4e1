/**
 * Amounts for people: the bots, the server's messages and the Mini App all show money through this module,
 * so it imports nothing (no Prisma, no Node) and the Mini App bundle can take it as it is. Amounts are integer
 * minor units (kopecks, cents, stars, tokens), as bigint or as the decimal string the API carries them in;
 * they never pass through a float, so a large sum keeps every digit.
 */

/** The ledger's assets (the `Asset` enum of prisma/schema), named here so the Mini App needs no Prisma types. */
export type TMoneyAsset = 'TOKEN' | 'RUB' | 'USD' | 'XTR' | 'USDT';
export type TMoneyLanguage = 'ru' | 'en';

/** Digits of each asset's minor unit: kopecks and cents are hundredths; stars and tokens are whole. */
const FRACTION_DIGITS: Record<TMoneyAsset, number> = { TOKEN: 0, RUB: 2, USD: 2, XTR: 0, USDT: 2 };

const UNIT: Record<TMoneyAsset, (n: string) => string> = {
  TOKEN: (n) => n,
  RUB: (n) => `${n} ₽`,
  USD: (n) => `$${n}`,
  XTR: (n) => `${n} ⭐`,
  USDT: (n) => `${n} USDT`,
};

// The typographic minus, before the currency sign ("−$10"), as in the Mini App's history from the start.
const MINUS = '\u2212';

/**
 * "98 ₽", "$19.99", "1,000,000", "−150 ⭐" in the reader's conventions; whole amounts drop their ".00".
 * With `signed`, a positive amount gets "+" (history rows, balance changes).
 */
export function formatMoney(
  amount: bigint | string,
  asset: TMoneyAsset,
  lang: TMoneyLanguage,
  options: { signed?: boolean } = {},
): string {
  const value = typeof amount === 'bigint' ? amount : BigInt(amount);
  const abs = value < 0n ? -value : value;
  const digits = FRACTION_DIGITS[asset];
  const unit = 10n ** BigInt(digits);
  const whole = abs % unit === 0n;
  const format = new Intl.NumberFormat(lang === 'ru' ? 'ru-RU' : 'en-US', {
    minimumFractionDigits: whole ? 0 : digits,
    maximumFractionDigits: whole ? 0 : digits,
  });
  // A decimal string is formatted digit for digit (Intl.NumberFormat v3); a Number would round past 2^53.
  const number = whole
    ? format.format(abs / unit)
    : format.format(
        `${abs / unit}.${(abs % unit).toString().padStart(digits, '0')}` as Intl.StringNumericLiteral,
      );
  const sign = value < 0n ? MINUS : options.signed && value > 0n ? '+' : '';
  return `${sign}${UNIT[asset](number)}`;
}

export const formatTokens = (amount: bigint | string, lang: TMoneyLanguage): string =>
  formatMoney(amount, 'TOKEN', lang);
