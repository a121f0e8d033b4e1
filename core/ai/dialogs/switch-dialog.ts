import type { Dialog, PrismaClient } from '#core/db/generated/client.ts';
import { ownedDialog } from './owned-dialog.ts';

/** Makes one of the user's dialogs the one new messages go to. */
export async function switchDialog(
  db: PrismaClient,
  input: { userId: bigint; dialogId: bigint },
): Promise<Dialog> {
  const dialog = await ownedDialog(db, input);
  await db.aiUserState.upsert({
    where: { userId: input.userId },
    create: { userId: input.userId, activeDialogId: dialog.id },
    update: { activeDialogId: dialog.id },
  });
  return dialog;
}
