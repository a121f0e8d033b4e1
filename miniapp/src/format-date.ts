import type { TLanguage } from '../../server/contracts/me.ts';

// Money goes through core/money/format-money.ts, shared with the bots; dates are only the Mini App's.
const locale = (language: TLanguage) => (language === 'ru' ? 'ru-RU' : 'en-US');

export function formatDateTime(iso: string, language: TLanguage): string {
  return new Intl.DateTimeFormat(locale(language), { dateStyle: 'medium', timeStyle: 'short' }).format(
    new Date(iso),
  );
}

export function formatDate(iso: string, language: TLanguage): string {
  return new Intl.DateTimeFormat(locale(language), { dateStyle: 'medium' }).format(new Date(iso));
}
