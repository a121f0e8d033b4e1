import type { Dialog, PrismaClient } from '#core/db/generated/client.ts';
import { AppError } from '#core/errors/app-error.ts';
import type { TTx } from '#core/ledger/ledger-accounts.ts';

/**
 * The user's own live dialog. Someone else's dialog and a deleted one are NOT_FOUND alike: a guessed id
 * must not tell whether the dialog exists.
 */
export async function ownedDialog(
  db: PrismaClient | TTx,
  input: { userId: bigint; dialogId: bigint },
): Promise<Dialog> {
  const dialog = await db.dialog.findFirst({
    where: { id: input.dialogId, userId: input.userId, deletedAt: null },
  });
  if (!dialog) throw new AppError('NOT_FOUND', { dialogId: input.dialogId.toString() });
  return dialog;
}
