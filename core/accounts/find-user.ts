import type { PrismaClient, User } from '#core/db/generated/client.ts';
import { normalizeEmail } from './email-verification.ts';

export type TUserQuery =
  | { by: 'id'; id: bigint }
  | { by: 'username'; username: string }
  | { by: 'email'; email: string };

/** `/find` accepts a Telegram id, an @username (with or without @) or an email address. */
export function parseUserQuery(raw: string): TUserQuery | null {
  const q = raw.trim();
  if (/^\d{1,20}$/.test(q)) return { by: 'id', id: BigInt(q) };
  if (/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(q)) return { by: 'email', email: normalizeEmail(q) };
  const username = q.replace(/^@/, '');
  if (/^[A-Za-z0-9_]{3,32}$/.test(username)) return { by: 'username', username };
  return null;
}

export async function findUser(db: PrismaClient, query: TUserQuery): Promise<User | null> {
  switch (query.by) {
    case 'id':
      return db.user.findUnique({ where: { id: query.id } });
    case 'email':
      return db.user.findUnique({ where: { email: query.email } });
    case 'username':
      // Telegram usernames are case-insensitive.
      return db.user.findFirst({ where: { username: { equals: query.username, mode: 'insensitive' } } });
  }
}

export async function loadUserCard(db: PrismaClient, userId: bigint) {
  return db.user.findUnique({
    where: { id: userId },
    include: {
      role: true,
      loginEvents: { orderBy: { createdAt: 'desc' }, take: 5 },
      _count: { select: { loginEvents: true } },
      vpnSubscription: true,
    },
  });
}
export type TUserCard = NonNullable<Awaited<ReturnType<typeof loadUserCard>>>;
