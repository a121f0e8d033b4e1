import { Bot } from 'grammy';

export const BARE_PROFILE_TEXT = 'static profile text';

/** The baseline: grammY's minimum for the same command, no database, no Redis, no middleware. */
export function createBareBot(token: string, apiRoot: string): Bot {
  const bot = new Bot(token, { client: { apiRoot } });
  bot.command('profile', (ctx) => ctx.reply(BARE_PROFILE_TEXT));
  return bot;
}
