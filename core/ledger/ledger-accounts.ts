import { Prisma } from '../db/generated/client.ts';
import type { Asset } from './assets.ts';
import { PLATFORM_ACCOUNTS, type TAccountRef } from './platform-accounts.ts';

export type TTx = Prisma.TransactionClient;

const refKey = (ref: TAccountRef) =>
  'user' in ref ? `u:${ref.user}:${ref.asset}` : `p:${ref.platform}:${ref.asset}`;

/** The id of an account, created on first use. Concurrent first uses agree on one row (ON CONFLICT). */
export async function accountId(tx: TTx, ref: TAccountRef): Promise<bigint> {
  const find = () =>
    'user' in ref
      ? tx.$queryRaw<
          { id: bigint }[]
        >`SELECT id FROM ledger_accounts WHERE user_id = ${ref.user} AND asset = ${ref.asset}::"Asset"`
      : tx.$queryRaw<
          { id: bigint }[]
        >`SELECT id FROM ledger_accounts WHERE code = ${ref.platform} AND asset = ${ref.asset}::"Asset"`;
  const found = await find();
  if (found[0]) return found[0].id;
  if ('user' in ref) {
    await tx.$executeRaw`INSERT INTO ledger_accounts (owner, user_id, asset, updated_at)
      VALUES ('user', ${ref.user}, ${ref.asset}::"Asset", now()) ON CONFLICT DO NOTHING`;
  } else {
    const { allowNegative } = PLATFORM_ACCOUNTS[ref.platform];
    await tx.$executeRaw`INSERT INTO ledger_accounts (owner, code, asset, allow_negative, updated_at)
      VALUES ('platform', ${ref.platform}, ${ref.asset}::"Asset", ${allowNegative}, now()) ON CONFLICT DO NOTHING`;
  }
  const created = await find();
  if (!created[0]) throw new Error(`ledger account ${refKey(ref)} could not be created`);
  return created[0].id;
}

export const userAccount = (user: bigint, asset: Asset): TAccountRef => ({ user, asset });

export { refKey };
export const isUniqueViolation = (error: unknown) =>
  error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002';
