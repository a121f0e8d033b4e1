import type { PrismaClient } from '#core/db/create-prisma.ts';
import type { TelegramTestClient } from '#sandbox/telegram/client.ts';

export interface TBenchUser {
  id: number;
  first_name: string;
  username: string;
}

/** Far from the ids the e2e tests use, so a shared Bot API or database would not mix them up. */
const FIRST_ID = 7_100_000_001;
/** Upserting 500 users one request at a time takes seconds; all at once opens 500 sockets. */
const UPSERT_BATCH = 50;

export function benchUsers(count: number): TBenchUser[] {
  return Array.from({ length: count }, (_, i) => ({
    id: FIRST_ID + i,
    first_name: `Bench${i}`,
    username: `bench_user_${i}`,
  }));
}

export async function registerTelegramUsers(client: TelegramTestClient, users: readonly TBenchUser[]) {
  for (let i = 0; i < users.length; i += UPSERT_BATCH) {
    await Promise.all(
      users.slice(i, i + UPSERT_BATCH).map((user) => client.upsertUser({ ...user, language_code: 'en' })),
    );
  }
}

/**
 * Accounts of users who finished signup, exactly as Telegram reports them (same names, `lastActiveAt` now):
 * the steady state of an active user, where attach-account only reads the row. A first contact (row
 * created) or a changed name (row updated) would measure a write per update instead.
 */
export async function seedAccounts(db: PrismaClient, users: readonly TBenchUser[]) {
  const now = new Date();
  await db.user.createMany({
    data: users.map((user, i) => ({
      id: BigInt(user.id),
      firstName: user.first_name,
      lastName: null,
      username: user.username,
      language: 'en' as const,
      signedUpAt: now,
      termsAcceptedAt: now,
      referralCode: `bench${i.toString(36).padStart(4, '0')}`,
      lastActiveAt: now,
    })),
  });
}
