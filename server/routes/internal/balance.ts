import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { AppError } from '#core/errors/app-error.ts';
import { changeBalance } from '#core/internal-api/change-balance.ts';
import type { ServerDeps } from '#server/deps.ts';
import { ZApiUserIdSchema } from './internal-ids.ts';

/** Whole tokens, signed: the spec writes `"100 | -100"`, so a string; a plain number is taken too. */
const ZTokenDiffSchema = z
  .union([z.string().regex(/^[+-]?\d{1,15}$/), z.number().int().min(-1e15).max(1e15)])
  .transform((v) => BigInt(v))
  .refine((v) => v !== 0n, 'diff must not be zero');

export const ZInternalBalanceBodySchema = z.object({ userID: ZApiUserIdSchema, diff: ZTokenDiffSchema });

/**
 * `PUT /api/internal/balance {"userID", "diff"}` of the vgen spec: the old balance, the change and the new
 * balance, as decimal strings like every id and amount in this API (tokens are bigints in the ledger).
 */
export function internalBalanceRoutes(app: FastifyInstance, deps: ServerDeps) {
  app.put('/api/internal/balance', async (request) => {
    const body = ZInternalBalanceBodySchema.safeParse(request.body);
    if (!body.success) throw new AppError('INVALID_INPUT');
    const result = await changeBalance(deps.db, { userId: body.data.userID, diff: body.data.diff });
    return {
      userID: body.data.userID.toString(),
      oldBalance: result.oldBalance.toString(),
      diff: result.diff.toString(),
      newBalance: result.newBalance.toString(),
    };
  });
}
