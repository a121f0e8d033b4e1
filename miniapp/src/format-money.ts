import type { TLanguage } from '../../server/contracts/me.ts';
import type { TAsset } from '../../server/contracts/wallet.ts';

// The Mini App's twin of core/ledger/format-money.ts (which the bundle cannot import: it pulls in Prisma's
// types): amounts arrive as decimal strings of minor units and are shown the way the bot shows them.
const MINOR_UNITS: Record<TAsset, bigint> = { TOKEN: 1n, RUB: 100n, USD: 100n, XTR: 1n, USDT: 100n };

const SUFFIX: Record<TAsset, (n: string) => string> = {
  TOKEN: (n) => n,
  RUB: (n) => `${n} ₽`,
  USD: (n) => `$${n}`,
  XTR: (n) => `${n} ⭐`,
  USDT: (n) => `${n} USDT`,
};

const locale = (language: TLanguage) => (language === 'ru' ? 'ru-RU' : 'en-US');

/** "150,000", "149 ₽", "$10.50"; with `signed`, "+150,000" and "−100" for history rows. */
export function formatAmount(
  minor: string,
  asset: TAsset,
  language: TLanguage,
  options: { signed?: boolean } = {},
): string {
  const value = BigInt(minor);
  const abs = value < 0n ? -value : value;
  const unit = MINOR_UNITS[asset];
  const whole = abs % unit === 0n;
  const number = new Intl.NumberFormat(locale(language), {
    minimumFractionDigits: whole ? 0 : 2,
    maximumFractionDigits: whole ? 0 : 2,
    // Below 2^53 minor units the division is exact enough for two decimals; larger sums are whole tokens.
  }).format(whole ? abs / unit : Number(abs) / Number(unit));
  const sign = value < 0n ? '−' : options.signed && value > 0n ? '+' : '';
  return `${sign}${SUFFIX[asset](number)}`;
}

export const formatTokens = (minor: string, language: TLanguage) => formatAmount(minor, 'TOKEN', language);

export function formatDateTime(iso: string, language: TLanguage): string {
  return new Intl.DateTimeFormat(locale(language), { dateStyle: 'medium', timeStyle: 'short' }).format(
    new Date(iso),
  );
}

export function formatDate(iso: string, language: TLanguage): string {
  return new Intl.DateTimeFormat(locale(language), { dateStyle: 'medium' }).format(new Date(iso));
}
