import { Menu } from '@grammyjs/menu';
import type { UserBotContext } from '#bots/shared/context.ts';
import type { BotDeps } from '#bots/shared/deps.ts';
import { buyCategoriesKeyboard } from '#bots/user/features/buy.ts';
import { showReferral } from '#bots/user/features/referral.ts';
import { showVpnStatus } from '#bots/user/features/vpn.ts';
import { renderWallet } from '#bots/user/features/wallet.ts';
import { renderProfile } from '#bots/user/profile-view.ts';
import { setLanguage } from '#core/accounts/complete-signup.ts';
import { panelFromEnv } from '#core/vpn/panel-sync/panel-from-env.ts';

// Later services add their entries here (one `.submenu()` or `.text()` each).
export function createMainMenu(deps: BotDeps, onSupport: (ctx: UserBotContext) => Promise<void>) {
  const main = new Menu<UserBotContext>('main')
    .text(
      (ctx) => ctx.t('menu-balance'),
      async (ctx) => ctx.reply(await renderWallet(ctx, deps.db), { parse_mode: 'HTML' }),
    )
    .text(
      (ctx) => ctx.t('menu-buy'),
      (ctx) => ctx.reply(ctx.t('buy-choose-category'), { reply_markup: buyCategoriesKeyboard(ctx) }),
    )
    .row()
    .text(
      (ctx) => ctx.t('menu-referral'),
      (ctx) => showReferral(ctx, deps.db),
    )
    .row()
    .text(
      (ctx) => ctx.t('menu-profile'),
      async (ctx) => {
        const view = renderProfile(ctx);
        await ctx.reply(view.text, { parse_mode: 'HTML', reply_markup: view.keyboard });
      },
    )
    .submenu((ctx) => ctx.t('menu-language'), 'language')
    .row()
    .text(
      (ctx) => ctx.t('menu-help'),
      (ctx) => ctx.reply(ctx.t('help-text'), { parse_mode: 'HTML' }),
    )
    .text((ctx) => ctx.t('menu-support'), onSupport);
  if (panelFromEnv(deps.config))
    main.row().text(
      (ctx) => ctx.t('vpn-menu'),
      (ctx) => showVpnStatus(ctx, deps),
    );
  if (deps.miniAppUrl) main.row().webApp((ctx) => ctx.t('menu-open-app'), deps.miniAppUrl);

  const language = new Menu<UserBotContext>('language');
  for (const lang of ['ru', 'en'] as const) {
    language.text(
      (ctx) => `${ctx.account?.language === lang ? '✓ ' : ''}${ctx.t(`language-name-${lang}`)}`,
      async (ctx) => {
        if (!ctx.account) return;
        ctx.account = await setLanguage(deps.db, ctx.account.id, lang);
        ctx.i18n.useLocale(lang);
        ctx.menu.nav('main');
        await ctx.editMessageText(ctx.t('menu-title'));
      },
    );
  }
  language.row().back('←');
  main.register(language);
  return main;
}

export type MainMenu = ReturnType<typeof createMainMenu>;

/** The menu instance is per bot; the context carries it so conversations and features can show it. */
export async function showMainMenu(ctx: UserBotContext): Promise<void> {
  await ctx.reply(ctx.t('menu-title'), { reply_markup: ctx.mainMenu });
}
