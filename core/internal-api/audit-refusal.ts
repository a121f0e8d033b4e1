import { recordAudit } from '#core/audit/record-audit.ts';
import type { PrismaClient } from '#core/db/generated/client.ts';
import { AppError } from '#core/errors/app-error.ts';

/**
 * Every internal API call leaves an audit row, refused ones too. A refusal rolled its own transaction back
 * (its audit row with it), so it is written here on its own before the error goes on to the caller.
 * Unexpected errors are not audited: they are logged as failures by the HTTP layer.
 */
export async function auditRefusal(
  db: PrismaClient,
  opts: { action: string; userId: bigint; request: Record<string, string>; error: unknown },
): Promise<never> {
  if (opts.error instanceof AppError) {
    const exists = await db.user.findUnique({ where: { id: opts.userId }, select: { id: true } });
    await recordAudit(db, {
      actorId: null,
      action: opts.action,
      targetUserId: exists ? opts.userId : null,
      after: { ...opts.request, userID: opts.userId.toString(), refused: opts.error.code },
    });
  }
  throw opts.error;
}
