import type { PrismaClient } from '#core/db/generated/client.ts';

/** Requests waiting for finance, oldest first, with who asked. */
export function listPendingPayouts(db: PrismaClient, limit = 10) {
  return db.payoutRequest.findMany({
    where: { status: 'requested' },
    orderBy: { createdAt: 'asc' },
    take: Math.min(limit, 30),
    include: { user: { select: { firstName: true, lastName: true, username: true, email: true } } },
  });
}

/** A user's own requests, newest first. */
export function listUserPayouts(db: PrismaClient, userId: bigint, limit = 20) {
  return db.payoutRequest.findMany({
    where: { userId },
    orderBy: { id: 'desc' },
    take: Math.min(limit, 50),
  });
}
