import type { PrismaClient } from '#core/db/generated/client.ts';

/** What the user can pay with from the wallet now: the RUB balance less holds (kopecks, never negative). */
export async function walletBalance(db: PrismaClient, userId: bigint): Promise<bigint> {
  const account = await db.ledgerAccount.findUnique({ where: { userId_asset: { userId, asset: 'RUB' } } });
  const available = account ? account.balance - account.held : 0n;
  return available > 0n ? available : 0n;
}
