import type { TLanguage } from '../../../../server/contracts/me.ts';

/** "18 KB", "4.2 MB": the size a person recognises from their gallery, in their language's units. */
export function formatSize(bytes: number, language: TLanguage): string {
  const locale = language === 'ru' ? 'ru-RU' : 'en-US';
  const [value, unit] =
    bytes >= 1024 * 1024 ? [bytes / (1024 * 1024), 'megabyte'] : [Math.max(1, bytes / 1024), 'kilobyte'];
  return new Intl.NumberFormat(locale, { style: 'unit', unit, maximumFractionDigits: 1 }).format(value);
}
