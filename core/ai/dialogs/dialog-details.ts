import type { PrismaClient } from '#core/db/generated/client.ts';
import { activeDialogId } from './active-dialog.ts';
import type { TDialogSummary } from './list-dialogs.ts';
import { ownedDialog } from './owned-dialog.ts';

/** One of the user's dialogs with its size and whether it is the active one (NOT_FOUND otherwise). */
export async function dialogDetails(
  db: PrismaClient,
  input: { userId: bigint; dialogId: bigint },
): Promise<TDialogSummary> {
  const dialog = await ownedDialog(db, input);
  const [messageCount, active] = await Promise.all([
    db.dialogMessage.count({ where: { dialogId: dialog.id } }),
    activeDialogId(db, input.userId),
  ]);
  return { dialog, messageCount, active: active === dialog.id };
}
