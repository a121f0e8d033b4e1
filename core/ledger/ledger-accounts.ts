import { Prisma } from '#core/db/generated/client.ts';
import type { Asset } from './assets.ts';
import { isDeferredAccount, PLATFORM_ACCOUNTS, type TAccountRef } from './platform-accounts.ts';

export type TTx = Prisma.TransactionClient;

const refKey = (ref: TAccountRef) =>
  'user' in ref ? `u:${ref.user}:${ref.asset}` : `p:${ref.platform}:${ref.asset}`;

export interface TResolvedAccount {
  id: bigint;
  /** Settled in batches, not row by row (platform-accounts.ts). */
  deferred: boolean;
}

async function findAccounts(tx: TTx, refs: TAccountRef[]): Promise<Map<string, bigint>> {
  const users = refs.filter((r): r is { user: bigint; asset: Asset } => 'user' in r);
  const platforms = refs.filter((r): r is Exclude<TAccountRef, { user: bigint }> => 'platform' in r);
  const rows = await tx.$queryRaw<
    { id: bigint; user_id: bigint | null; code: string | null; asset: Asset }[]
  >`
    SELECT id, user_id, code, asset FROM ledger_accounts
    WHERE (user_id, asset::text) IN (
            SELECT * FROM unnest(${users.map((r) => r.user.toString())}::text[]::bigint[], ${users.map((r) => r.asset)}::text[]))
       OR (code, asset::text) IN (
            SELECT * FROM unnest(${platforms.map((r) => r.platform)}::text[], ${platforms.map((r) => r.asset)}::text[]))`;
  return new Map(
    rows.map((row) => [
      row.user_id !== null ? `u:${row.user_id}:${row.asset}` : `p:${row.code}:${row.asset}`,
      row.id,
    ]),
  );
}

async function createAccount(tx: TTx, ref: TAccountRef): Promise<void> {
  if ('user' in ref) {
    await tx.$executeRaw`INSERT INTO ledger_accounts (owner, user_id, asset, updated_at)
      VALUES ('user', ${ref.user}, ${ref.asset}::"Asset", now()) ON CONFLICT DO NOTHING`;
  } else {
    const { allowNegative } = PLATFORM_ACCOUNTS[ref.platform];
    await tx.$executeRaw`INSERT INTO ledger_accounts (owner, code, asset, allow_negative, updated_at)
      VALUES ('platform', ${ref.platform}, ${ref.asset}::"Asset", ${allowNegative}, now()) ON CONFLICT DO NOTHING`;
  }
}

/**
 * The ids of several accounts in one round trip, each created on first use. Concurrent first uses agree on
 * one row (ON CONFLICT), so creation is only ever the slow path of the first transaction that needs it.
 */
export async function resolveAccounts(tx: TTx, refs: TAccountRef[]): Promise<Map<string, TResolvedAccount>> {
  let found = await findAccounts(tx, refs);
  const missing = refs.filter((ref) => !found.has(refKey(ref)));
  if (missing.length > 0) {
    for (const ref of missing) await createAccount(tx, ref);
    found = await findAccounts(tx, refs);
  }
  const resolved = new Map<string, TResolvedAccount>();
  for (const ref of refs) {
    const id = found.get(refKey(ref));
    if (id === undefined) throw new Error(`ledger account ${refKey(ref)} could not be created`);
    resolved.set(refKey(ref), { id, deferred: 'platform' in ref && isDeferredAccount(ref.platform) });
  }
  return resolved;
}

/** The id of an account, created on first use. */
export async function accountId(tx: TTx, ref: TAccountRef): Promise<bigint> {
  const account = (await resolveAccounts(tx, [ref])).get(refKey(ref));
  if (!account) throw new Error(`ledger account ${refKey(ref)} could not be created`);
  return account.id;
}

export const userAccount = (user: bigint, asset: Asset): TAccountRef => ({ user, asset });

export { refKey };
export const isUniqueViolation = (error: unknown) =>
  error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002';
