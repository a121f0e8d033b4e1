import type { PrismaClient } from '#core/db/generated/client.ts';

/** Requests waiting for finance, oldest first, with who asked. */
export async function listPendingPayouts(db: PrismaClient, limit = 10) {
  const requests = await db.payoutRequest.findMany({
    where: { status: 'requested' },
    orderBy: { createdAt: 'asc' },
    take: Math.min(limit, 30),
    include: { partner: { select: { userId: true } } },
  });
  const users = await db.user.findMany({
    where: { id: { in: requests.map((r) => r.partner.userId) } },
    select: { id: true, firstName: true, lastName: true, username: true, email: true },
  });
  return requests.map((request) => ({ request, user: users.find((u) => u.id === request.partner.userId) }));
}
