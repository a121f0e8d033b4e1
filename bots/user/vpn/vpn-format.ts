import type { TLang } from '#core/i18n/translator.ts';

const GIB = 1024 ** 3;

/** Traffic as people read it on a plan: gigabytes with one decimal, in the user's number format ("1,5"). */
export const formatGb = (bytes: bigint, lang: TLang): string =>
  new Intl.NumberFormat(lang, { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(
    Number(bytes) / GIB,
  );

/** Days to one decimal, as planRenewal rounds them ("12.5" / "12,5"). */
export const formatDays = (days: number, lang: TLang): string =>
  new Intl.NumberFormat(lang, { maximumFractionDigits: 1 }).format(days);
