import { assertCan, type TStaff } from '#core/accounts/staff.ts';
import type { PrismaClient } from '#core/db/generated/client.ts';
import { AppError } from '#core/errors/app-error.ts';
import { changeModel } from './change-model.ts';
import type { TAdminModel } from './list-models.ts';

/**
 * The most one request may cost: 1,000,000 tokens is about twenty times the dearest catalog model, so a
 * price past it is a slip of the keyboard (an extra zero or two), not a decision.
 */
export const MAX_TOKEN_PRICE = 1_000_000n;

/**
 * Sets the token price of a model for requests accepted from now on; reserved requests keep the price they
 * were accepted at. Needs `ai.manage`; a price outside 1..MAX_TOKEN_PRICE is INVALID_INPUT.
 */
export async function setModelPrice(
  db: PrismaClient,
  opts: { staff: TStaff; modelId: string; tokenPrice: bigint },
): Promise<{ model: TAdminModel; changed: boolean }> {
  // The permission first: someone who may not change prices learns nothing about what a valid one is.
  assertCan(opts.staff, 'ai.manage');
  if (opts.tokenPrice < 1n || opts.tokenPrice > MAX_TOKEN_PRICE)
    throw new AppError('INVALID_INPUT', { min: 1, max: MAX_TOKEN_PRICE.toString() });
  return changeModel(db, {
    staff: opts.staff,
    modelId: opts.modelId,
    action: 'ai.model.price',
    change: { tokenPrice: opts.tokenPrice },
    same: (row) => row.tokenPrice === opts.tokenPrice,
  });
}
