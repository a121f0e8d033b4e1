import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FluentBundle, FluentResource, type FluentVariable } from '@fluent/bundle';

export const LANGUAGES = ['en', 'ru'] as const;
export type TLang = (typeof LANGUAGES)[number];
export type TTranslateArgs = Record<string, FluentVariable>;

export interface Translator {
  t(lang: TLang, key: string, args?: TTranslateArgs): string;
  has(lang: TLang, key: string): boolean;
  keys(lang: TLang): string[];
}

export const toLang = (code: string | null | undefined): TLang =>
  code?.toLowerCase().startsWith('ru') ? 'ru' : 'en';

/**
 * Fluent outside grammY (emails, worker messages, the HTTP API). The bots use @grammyjs/i18n over the same
 * files. Placeholders are not wrapped in Unicode isolation marks: they end up in chat text and emails,
 * where the marks show as garbage in some clients.
 */
export function loadTranslator(localesDir: string): Translator {
  const bundles = new Map<TLang, FluentBundle>();
  const keys = new Map<TLang, string[]>();
  for (const lang of LANGUAGES) {
    const bundle = new FluentBundle(lang, { useIsolating: false });
    const dir = join(localesDir, lang);
    const names: string[] = [];
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.ftl'))) {
      const resource = new FluentResource(readFileSync(join(dir, file), 'utf8'));
      const errors = bundle.addResource(resource);
      if (errors.length > 0) throw new Error(`${lang}/${file}: ${errors.map((e) => e.message).join('; ')}`);
      names.push(...resource.body.map((entry) => entry.id));
    }
    bundles.set(lang, bundle);
    keys.set(lang, names);
  }
  return {
    t(lang, key, args) {
      const bundle = bundles.get(lang);
      const message = bundle?.getMessage(key);
      if (!bundle || !message?.value) return key;
      return bundle.formatPattern(message.value, args);
    },
    has: (lang, key) => bundles.get(lang)?.hasMessage(key) ?? false,
    keys: (lang) => keys.get(lang) ?? [],
  };
}

export const LOCALES_DIR = new URL('../../locales', import.meta.url).pathname;
