import type { Dialog, PrismaClient } from '#core/db/generated/client.ts';
import { createDialog } from './create-dialog.ts';

/**
 * The dialog a new message goes to. The first message ever, or the first after the active dialog was
 * deleted, starts a new dialog with the default model.
 */
export async function activeDialog(db: PrismaClient, userId: bigint): Promise<Dialog> {
  const state = await db.aiUserState.findUnique({ where: { userId } });
  if (state?.activeDialogId) {
    const dialog = await db.dialog.findFirst({
      where: { id: state.activeDialogId, userId, deletedAt: null },
    });
    if (dialog) return dialog;
  }
  return createDialog(db, { userId });
}

/** The active dialog's id without creating one (null before the first message). */
export async function activeDialogId(db: PrismaClient, userId: bigint): Promise<bigint | null> {
  const state = await db.aiUserState.findUnique({ where: { userId } });
  if (!state?.activeDialogId) return null;
  const live = await db.dialog.count({ where: { id: state.activeDialogId, userId, deletedAt: null } });
  return live > 0 ? state.activeDialogId : null;
}
