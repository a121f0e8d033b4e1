import type { ConversationFlavor } from '@grammyjs/conversations';
import type { I18nFlavor } from '@grammyjs/i18n';
import type { Menu } from '@grammyjs/menu';
import type { Context } from 'grammy';
import type { TStaff } from '#core/accounts/staff.ts';
import type { User } from '#core/db/generated/client.ts';
import type { TLang } from '#core/i18n/translator.ts';
import type { Logger } from '#core/logging/logger.ts';

/** Set by the attach-user middleware for every update that has a sender. */
export interface AccountFlavor {
  account: User | null;
  log: Logger;
  /** The user's language (saved, else Telegram's language_code): set once by bots/shared/i18n.ts. */
  lang: TLang;
}

export interface StaffFlavor {
  staff: TStaff;
}

export type BaseContext = Context & I18nFlavor & AccountFlavor;
/** The context of the user bot outside conversations. */
export type UserBotContext = ConversationFlavor<BaseContext> & { mainMenu: Menu<UserBotContext> };
/** The context of the admin bot outside conversations. */
export type AdminBotContext = ConversationFlavor<BaseContext & StaffFlavor>;
/** Inside a conversation: plugins are installed again there, so only the Telegram context is assumed. */
export type ConversationContext = Context;
