import type { TLanguage } from '../../../../server/contracts/me.ts';

const GB = 1024 ** 3;
const MB = 1024 ** 2;

/** "1.4 GB", "350 MB": traffic as phone plans show it, in the language's units. */
export function formatTraffic(bytes: string, language: TLanguage): string {
  // Past 2^53 bytes (8 PB) a double loses precision only in digits nobody reads.
  const value = Number(bytes);
  const locale = language === 'ru' ? 'ru-RU' : 'en-US';
  const [amount, unit] = value >= GB ? [value / GB, 'gigabyte'] : [value / MB, 'megabyte'];
  return new Intl.NumberFormat(locale, { style: 'unit', unit, maximumFractionDigits: 1 }).format(amount);
}

/** Share of the limit used, 0–100; 0 for an unlimited plan. */
export function trafficPercent(used: string, limit: string): number {
  const max = Number(limit);
  if (max <= 0) return 0;
  return Math.min(100, (Number(used) / max) * 100);
}
