import type { TelegramTestClient } from '#sandbox/telegram/client.ts';
import type { DevConfig } from './dev-config.ts';

/**
 * The local Bot API keeps everything in memory, so every start registers the two bots under their dev
 * usernames, the dev user and the support agent, and the support group the user bot relays /support to.
 */
export async function seedTelegram(telegram: TelegramTestClient, config: DevConfig): Promise<void> {
  for (const bot of [config.userBot, config.adminBot])
    await telegram.registerBot({ token: bot.token, username: bot.username, firstName: bot.firstName });
  for (const user of [config.devUser, config.supportAgent])
    await telegram.upsertUser({
      id: user.id,
      first_name: user.firstName,
      username: user.username,
      language_code: user.language,
    });
  await telegram.createGroup({
    id: config.supportChatId,
    title: 'Polygram support',
    memberIds: [config.supportAgent.id],
    botTokens: [config.userBot.token],
  });
}
