import { assertCan, type TStaff } from '#core/accounts/staff.ts';
import { recordAudit } from '#core/audit/record-audit.ts';
import type { PrismaClient } from '#core/db/generated/client.ts';
import { AppError } from '#core/errors/app-error.ts';
import type { Asset } from './assets.ts';
import { expireAccountGrants } from './expire-grants.ts';
import { accountId, type TTx } from './ledger-accounts.ts';
import { postTransaction, type TPosted } from './post-transaction.ts';
import { LEDGER_TX_OPTIONS } from './spend-tokens.ts';
import { consumeGrants, creditTokens } from './token-grants.ts';

export interface TAdjustBalance {
  staff: TStaff;
  userId: bigint;
  asset: Asset;
  /** Positive credits, negative debits, in minor units. */
  amount: bigint;
  reason: string;
  /** The caller's key for this correction (a retried admin action applies once). */
  key: string;
  /** Only an explicit yes lets a debit take the balance below zero. */
  allowNegative?: boolean;
}

/** What an adjustment needs once the actor is settled: a staff member, or nobody (a system caller). */
export interface TAdjustBalanceInTx extends Omit<TAdjustBalance, 'staff'> {
  /** Null when the system acted (the internal admin API): the ledger and audit rows name no person. */
  actorId: bigint | null;
  auditAction: string;
}

export type TAdjusted = TPosted & { before: bigint; after: bigint };

/**
 * An admin correction, audited with the balance before and after. Tokens credited this way are a perpetual
 * `manual` grant; tokens debited come out of grants like a spend, and past them only with `allowNegative`.
 */
export async function adjustBalance(db: PrismaClient, input: TAdjustBalance): Promise<TAdjusted> {
  assertCan(input.staff, 'money.adjust');
  const { staff, ...rest } = input;
  return db.$transaction(
    (tx) => adjustBalanceInTx(tx, { ...rest, actorId: staff.id, auditAction: 'balance.adjust' }),
    LEDGER_TX_OPTIONS,
  );
}

/** The correction itself, inside the caller's transaction; the caller has decided who may make it. */
export async function adjustBalanceInTx(tx: TTx, input: TAdjustBalanceInTx): Promise<TAdjusted> {
  const reason = input.reason.trim();
  if (input.amount === 0n || reason.length === 0 || reason.length > 500) throw new AppError('INVALID_INPUT');
  const user = await tx.user.findUnique({ where: { id: input.userId }, select: { id: true } });
  if (!user) throw new AppError('USER_NOT_FOUND');
  const actor = { type: 'admin' as const, id: input.actorId };
  const metadata =
    input.actorId === null ? { via: input.auditAction } : { adminId: input.actorId.toString() };
  let posted: TPosted;
  if (input.asset === 'TOKEN' && input.amount > 0n) {
    posted = await creditTokens(tx, {
      key: input.key,
      userId: input.userId,
      amount: input.amount,
      source: 'manual',
      expiresAt: null,
      type: 'manual',
      actor,
      reason,
      metadata,
      from: 'adjustments',
    });
  } else {
    const account = await accountId(tx, { user: input.userId, asset: input.asset });
    if (input.asset === 'TOKEN') await expireAccountGrants(tx, account, new Date());
    posted = await postTransaction(tx, {
      key: input.key,
      type: 'manual',
      actor,
      reason,
      metadata,
      debitLimit: input.allowNegative ? 'overdraft' : 'available',
      postings: [
        { account: { user: input.userId, asset: input.asset }, amount: input.amount },
        { account: { platform: 'adjustments', asset: input.asset }, amount: -input.amount },
      ],
    });
    if (!posted.duplicate && input.asset === 'TOKEN')
      await consumeGrants(tx, account, -input.amount, new Date());
  }
  const entry = posted.entries.find((e) => e.amount === input.amount);
  const before = entry?.balanceBefore ?? 0n;
  const after = entry?.balanceAfter ?? 0n;
  if (!posted.duplicate) {
    await recordAudit(tx, {
      actorId: input.actorId,
      action: input.auditAction,
      targetUserId: input.userId,
      before: { asset: input.asset, balance: before.toString() },
      after: { asset: input.asset, balance: after.toString(), diff: input.amount.toString(), reason },
    });
  }
  return { ...posted, before, after };
}
