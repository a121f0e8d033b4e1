import { I18n } from '@grammyjs/i18n';
import { Composer } from 'grammy';
import { LOCALES_DIR, toLang } from '#core/i18n/translator.ts';
import type { BaseContext } from './context.ts';

/**
 * The user's language, decided in one place: the saved one wins; before signup (or for a sender without an
 * account), Telegram's language_code. A getter, so a language switch mid-update (/language, signup) shows at
 * once in `ctx.lang` as in `ctx.t`.
 */
function defineLang(ctx: BaseContext): void {
  Object.defineProperty(ctx, 'lang', {
    get: () => ctx.account?.language ?? toLang(ctx.from?.language_code),
    configurable: true,
  });
}

/** `ctx.lang` and `ctx.t` in that language; installed after attachAccount. */
export function createBotI18n<C extends BaseContext>(): Composer<C> {
  const i18n = new I18n<C>({
    defaultLocale: 'en',
    useSession: false,
    fluentBundleOptions: { useIsolating: false },
    localeNegotiator: (ctx) => ctx.lang,
  });
  i18n.loadLocalesDirSync(LOCALES_DIR);
  const composer = new Composer<C>();
  composer.use((ctx, next) => {
    defineLang(ctx);
    return next();
  });
  composer.use(i18n);
  return composer;
}
