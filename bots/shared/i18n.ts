import { I18n } from '@grammyjs/i18n';
import { LOCALES_DIR, toLang } from '#core/i18n/translator.ts';
import type { BaseContext } from './context.ts';

/** The user's saved language wins; before signup, Telegram's language_code decides. */
export function createBotI18n<C extends BaseContext>(): I18n<C> {
  const i18n = new I18n<C>({
    defaultLocale: 'en',
    useSession: false,
    fluentBundleOptions: { useIsolating: false },
    localeNegotiator: (ctx) => ctx.account?.language ?? toLang(ctx.from?.language_code),
  });
  i18n.loadLocalesDirSync(LOCALES_DIR);
  return i18n;
}
