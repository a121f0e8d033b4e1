import type { TelegramTestClient } from '#sandbox/telegram/client.ts';
import { ADMIN_BOT, PEOPLE, SUPER_ADMIN, SUPPORT_AGENT, SUPPORT_CHAT, USER_BOT } from './sandbox-world.ts';

/**
 * The local Bot API keeps everything in memory, so every start registers the two bots, the people of the
 * sandbox (the demo accounts' Telegram side, same ids) and the support group the user bot relays /support to.
 */
export async function seedTelegramWorld(telegram: TelegramTestClient): Promise<void> {
  for (const bot of [USER_BOT, ADMIN_BOT])
    await telegram.registerBot({ token: bot.token, username: bot.username, firstName: bot.title });
  for (const person of PEOPLE)
    await telegram.upsertUser({
      id: person.id,
      first_name: person.firstName,
      ...(person.lastName ? { last_name: person.lastName } : {}),
      username: person.username,
      language_code: person.language,
    });
  await telegram.createGroup({
    id: SUPPORT_CHAT.id,
    title: SUPPORT_CHAT.title,
    memberIds: [SUPPORT_AGENT.id, SUPER_ADMIN.id],
    botTokens: [USER_BOT.token],
  });
}
