import { type Asset, MINOR_UNITS } from './assets.ts';

const SUFFIX: Record<Asset, (n: string) => string> = {
  TOKEN: (n) => n,
  RUB: (n) => `${n} ₽`,
  USD: (n) => `$${n}`,
  XTR: (n) => `${n} ⭐`,
  USDT: (n) => `${n} USDT`,
};

/** "98 ₽", "$10", "1 000 000" in the reader's language; whole amounts drop their ".00". */
export function formatMoney(amount: bigint, asset: Asset, lang: 'ru' | 'en'): string {
  const unit = MINOR_UNITS[asset];
  const whole = amount % unit === 0n;
  const number = new Intl.NumberFormat(lang === 'ru' ? 'ru-RU' : 'en-US', {
    minimumFractionDigits: whole ? 0 : 2,
    maximumFractionDigits: whole ? 0 : 2,
  }).format(whole ? amount / unit : Number(amount) / Number(unit));
  return SUFFIX[asset](number);
}

export const formatTokens = (amount: bigint, lang: 'ru' | 'en') => formatMoney(amount, 'TOKEN', lang);
