import type { Prisma } from '#core/db/generated/client.ts';

export interface TAuditEntry {
  actorId: bigint | null;
  action: string;
  targetUserId?: bigint | null;
  before?: Prisma.InputJsonValue;
  after?: Prisma.InputJsonValue;
}

/** Written inside the same transaction as the change it describes: an action without its audit row cannot exist. */
export async function recordAudit(tx: Prisma.TransactionClient, entry: TAuditEntry): Promise<void> {
  await tx.auditLog.create({
    data: {
      actorId: entry.actorId,
      action: entry.action,
      targetUserId: entry.targetUserId ?? null,
      before: entry.before,
      after: entry.after,
    },
  });
}
