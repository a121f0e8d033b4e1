import type { PrismaClient } from '#core/db/generated/client.ts';
import { ownedDialog } from './owned-dialog.ts';

/**
 * Soft delete: the dialog disappears for the user, its messages stay for usage statistics. Deleting the
 * active dialog leaves none active, so the next message starts a new one.
 */
export async function deleteDialog(
  db: PrismaClient,
  input: { userId: bigint; dialogId: bigint; now?: Date },
): Promise<void> {
  const dialog = await ownedDialog(db, input);
  await db.$transaction([
    db.dialog.update({ where: { id: dialog.id }, data: { deletedAt: input.now ?? new Date() } }),
    db.aiUserState.updateMany({
      where: { userId: input.userId, activeDialogId: dialog.id },
      data: { activeDialogId: null },
    }),
  ]);
}
