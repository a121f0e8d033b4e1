import type { Dialog, PrismaClient } from '#core/db/generated/client.ts';
import { ownedDialog } from './owned-dialog.ts';

/**
 * History on: the model sees the dialog's previous messages; off: each message is answered on its own.
 * Messages are stored either way, so turning history back on brings them back into the context.
 */
export async function toggleHistory(
  db: PrismaClient,
  input: { userId: bigint; dialogId: bigint; enabled?: boolean },
): Promise<Dialog> {
  const dialog = await ownedDialog(db, input);
  return db.dialog.update({
    where: { id: dialog.id },
    data: { historyEnabled: input.enabled ?? !dialog.historyEnabled },
  });
}
