import type { PrismaClient } from '#core/db/generated/client.ts';
import { type TEntryFacts, type TEntryLookups, ZEntryMetadataSchema } from './entry-facts.ts';

/** What describe-entry.ts needs of the transaction behind a row: its type, key, reason and references. */
export function entryFacts(
  transaction: { type: TEntryFacts['type']; idempotencyKey: string; reason: string; metadata: unknown },
  entry: { asset: TEntryFacts['asset']; amount: bigint },
): TEntryFacts {
  return {
    type: transaction.type,
    key: transaction.idempotencyKey,
    reason: transaction.reason,
    asset: entry.asset,
    amount: entry.amount,
    metadata: ZEntryMetadataSchema.parse(transaction.metadata),
  };
}

const TRANSACTION_FACTS = { type: true, idempotencyKey: true, reason: true, metadata: true } as const;

/**
 * Reads, for one page of a user's history, what its transactions point at: a few queries per page, whatever
 * its size. Only the user's own AI requests, payments and grants are read, so a reference in metadata can
 * never show another person's purchase; of invitees only the first name.
 */
export async function loadEntryLookups(
  db: PrismaClient,
  userId: bigint,
  entries: readonly TEntryFacts[],
): Promise<TEntryLookups> {
  const ids = (pick: (entry: TEntryFacts) => string | undefined, among = entries) => [
    ...new Set(
      among
        .map(pick)
        .filter((id): id is string => id !== undefined)
        .map(BigInt),
    ),
  ];
  const grantIds = ids((e) => (e.type === 'expiry' ? e.metadata.grantId : undefined));
  const grants = grantIds.length
    ? await db.tokenGrant.findMany({
        where: { id: { in: grantIds }, account: { userId } },
        select: { id: true, amount: true, transaction: { select: TRANSACTION_FACTS } },
      })
    : [];
  const grantOrigins = new Map(
    grants.map((g) => [g.id.toString(), entryFacts(g.transaction, { asset: 'TOKEN', amount: g.amount })]),
  );
  const all = [...entries, ...grantOrigins.values()];
  // A referral reward's or a commission's payment is the other person's: only one's own are named.
  const ownPayment = (e: TEntryFacts) =>
    e.type === 'topup' || e.type === 'refund' || e.type === 'reversal' ? e.metadata.paymentId : undefined;
  const requestIds = ids((e) => (e.type === 'spend' ? e.metadata.requestId : undefined));
  const paymentIds = ids(ownPayment, all);
  const inviteeIds = ids((e) => (e.type === 'referral' ? e.metadata.referredUserId : undefined));

  const [requests, payments, invitees] = await Promise.all([
    requestIds.length
      ? db.aiRequest.findMany({
          where: { id: { in: requestIds }, userId },
          select: { id: true, kind: true, modelId: true, task: { select: { title: true } } },
        })
      : [],
    paymentIds.length
      ? db.payment.findMany({
          where: { id: { in: paymentIds }, userId },
          select: { id: true, productId: true, product: true, provider: true },
        })
      : [],
    inviteeIds.length
      ? db.user.findMany({
          where: { id: { in: inviteeIds }, referredById: userId },
          select: { id: true, firstName: true },
        })
      : [],
  ]);
  return {
    requests: new Map(
      requests.map((r) => [
        r.id.toString(),
        { kind: r.kind, modelId: r.modelId, taskTitle: r.task?.title ?? null },
      ]),
    ),
    payments: new Map(
      payments.map((p) => [p.id.toString(), { titleKey: titleKeyOf(p), provider: p.provider }]),
    ),
    invitees: new Map(invitees.map((u) => [u.id.toString(), { firstName: u.firstName }])),
    grantOrigins,
  };
}

/** The snapshot taken at checkout names the product's title key; products follow `product-<id>` otherwise. */
function titleKeyOf(payment: { productId: string; product: unknown }): string {
  const snapshot = payment.product;
  if (snapshot && typeof snapshot === 'object' && 'titleKey' in snapshot) {
    const { titleKey } = snapshot;
    if (typeof titleKey === 'string' && titleKey.length > 0) return titleKey;
  }
  return `product-${payment.productId}`;
}
