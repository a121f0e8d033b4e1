import { FluentBundle, FluentResource, type FluentVariable } from '@fluent/bundle';
import { createContext, createElement, type ReactNode, useContext, useMemo } from 'react';
import { type TLanguage, ZLanguageSchema } from '../../server/contracts/me.ts';

// The same Fluent folders the bots read, inlined at build time: no extra request before first paint.
// Only the Mini App's own files, and shop.ftl, vpn.ftl and wallet-pay.ftl for product titles and shelves
// (one source for bot and app): the bots' and admin texts would be shipped to every user for nothing.
const sources = import.meta.glob<string>(
  ['../../locales/*/miniapp*.ftl', '../../locales/*/{shop,vpn,wallet-pay}.ftl'],
  {
    query: '?raw',
    import: 'default',
    eager: true,
  },
);

export type TTranslate = (id: string, args?: Record<string, FluentVariable>) => string;

function buildBundle(language: TLanguage): FluentBundle {
  // Placeholders are plain text in the UI; Fluent's bidi isolation marks would show up in tests and copy-paste.
  const bundle = new FluentBundle(language, { useIsolating: false });
  for (const [path, source] of Object.entries(sources)) {
    if (path.includes(`/locales/${language}/`)) bundle.addResource(new FluentResource(source));
  }
  return bundle;
}

const bundles: Record<TLanguage, FluentBundle> = { en: buildBundle('en'), ru: buildBundle('ru') };

export function createTranslator(language: TLanguage): TTranslate {
  const bundle = bundles[language];
  return (id, args) => {
    const message = bundle.getMessage(id);
    // A missing key shows its id, which the locale parity test and review catch; better than a blank.
    if (!message?.value) return id;
    // Passing an errors array makes Fluent degrade a bad placeholder to `{$name}` instead of throwing mid-render.
    const errors: Error[] = [];
    return bundle.formatPattern(message.value, args, errors);
  };
}

/** The user's saved language wins; before /api/me answers, Telegram's client language; then English. */
export function pickLanguage(
  saved: TLanguage | undefined,
  telegramLanguageCode: string | undefined,
): TLanguage {
  if (saved) return saved;
  const fromTelegram = ZLanguageSchema.safeParse(telegramLanguageCode?.slice(0, 2).toLowerCase());
  return fromTelegram.success ? fromTelegram.data : 'en';
}

type TI18n = { language: TLanguage; t: TTranslate };

const I18nContext = createContext<TI18n>({ language: 'en', t: createTranslator('en') });

export function I18nProvider({ language, children }: { language: TLanguage; children: ReactNode }) {
  const value = useMemo(() => ({ language, t: createTranslator(language) }), [language]);
  return createElement(I18nContext, { value }, children);
}

export function useT(): TTranslate {
  return useContext(I18nContext).t;
}

export function useLanguage(): TLanguage {
  return useContext(I18nContext).language;
}
