import type { TTx } from '#core/ledger/ledger-accounts.ts';

/** A fully refunded plan or unlimited day ends now. */
export async function revokeEntitlement(tx: TTx, paymentId: bigint, now: Date): Promise<void> {
  await tx.entitlement.updateMany({ where: { paymentId, revokedAt: null }, data: { revokedAt: now } });
}
