import type { TelegramTestClient } from '#sandbox/telegram/client.ts';
import type { UpsertUserInput } from '#sandbox/telegram/control/control-schemas.ts';
import { ADMIN_BOT, PEOPLE, SUPER_ADMIN, SUPPORT_AGENT, SUPPORT_CHAT, USER_BOT } from './sandbox-world.ts';

/**
 * The local Bot API keeps everything in memory, so every start registers the two bots, the people of the
 * sandbox (the demo accounts' Telegram side, same ids), everyone else the app's database has an account for
 * (`appPeople`, from readAppPeople: people made in the emulator on earlier runs) and the support group the
 * user bot relays /support to. The emulator gives a new person the id after the largest one registered, so
 * with the database's people registered no new person gets an id that already has an account.
 */
export async function seedTelegramWorld(
  telegram: TelegramTestClient,
  appPeople: readonly UpsertUserInput[] = [],
): Promise<void> {
  for (const bot of [USER_BOT, ADMIN_BOT])
    await telegram.registerBot({ token: bot.token, username: bot.username, firstName: bot.title });
  const fixed = new Set(PEOPLE.map((person) => person.id));
  for (const person of appPeople) if (!fixed.has(person.id)) await telegram.upsertUser(person);
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
