import type { PrismaClient } from '#core/db/create-prisma.ts';
import type { UpsertUserInput } from '#sandbox/telegram/control/control-schemas.ts';

/**
 * Everyone with an account in the app's database, as the local Bot API knows people. The Bot API keeps
 * its users in memory and the database outlives it: registering them again on every start keeps each
 * account's Telegram side (names, language) in the emulator, and keeps their ids from being handed to a
 * new person, who would otherwise land in somebody else's account.
 */
export async function readAppPeople(db: PrismaClient): Promise<UpsertUserInput[]> {
  const rows = await db.user.findMany({
    select: { id: true, firstName: true, lastName: true, username: true, language: true },
    orderBy: { id: 'asc' },
  });
  // Telegram ids fit in 52 bits; a larger one (test data) cannot be a person of the local Bot API.
  return rows
    .filter((row) => row.id > 0n && row.id <= BigInt(Number.MAX_SAFE_INTEGER))
    .map((row) => ({
      id: Number(row.id),
      first_name: row.firstName || String(row.id),
      ...(row.lastName ? { last_name: row.lastName } : {}),
      ...(row.username ? { username: row.username } : {}),
      language_code: row.language,
    }));
}
