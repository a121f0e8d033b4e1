import type { PaymentProvider, PaymentStatus, Prisma, PrismaClient } from '#core/db/generated/client.ts';

export interface TPaymentFilter {
  userId?: bigint;
  provider?: PaymentProvider;
  status?: PaymentStatus;
  from?: Date;
  to?: Date;
  /** Keyset pagination: payments older than this id. */
  beforeId?: bigint;
  limit?: number;
}

/** Newest first, for the admin list; filters combine. */
export async function listPayments(db: PrismaClient, filter: TPaymentFilter) {
  const where: Prisma.PaymentWhereInput = {
    userId: filter.userId,
    provider: filter.provider,
    status: filter.status,
    createdAt: filter.from || filter.to ? { gte: filter.from, lt: filter.to } : undefined,
    id: filter.beforeId ? { lt: filter.beforeId } : undefined,
  };
  return db.payment.findMany({
    where,
    orderBy: { id: 'desc' },
    take: Math.min(filter.limit ?? 10, 50),
    include: { user: { select: { firstName: true, username: true } }, refunds: true },
  });
}

export const loadPayment = (db: PrismaClient, id: bigint) =>
  db.payment.findUnique({
    where: { id },
    include: {
      user: { select: { firstName: true, lastName: true, username: true, language: true } },
      refunds: true,
    },
  });
