import type { DialogMessage, PrismaClient } from '#core/db/generated/client.ts';
import { ownedDialog } from './owned-dialog.ts';

/**
 * A page of one of the user's dialogs, newest page first and each page in reading order (oldest message
 * first): the chat opens at the latest exchange and "earlier messages" pages back from the oldest one shown.
 * Keyset by message id, so messages written meanwhile never shift a page. System messages are not shown.
 * NOT_FOUND for a dialog that is not the user's (ownedDialog).
 */
export async function dialogMessages(
  db: PrismaClient,
  input: { userId: bigint; dialogId: bigint; beforeId?: bigint; limit: number },
): Promise<{ messages: DialogMessage[]; more: boolean }> {
  const dialog = await ownedDialog(db, input);
  // One row more than asked tells whether an earlier page exists without a count.
  const rows = await db.dialogMessage.findMany({
    where: {
      dialogId: dialog.id,
      role: { in: ['user', 'assistant'] },
      ...(input.beforeId !== undefined && { id: { lt: input.beforeId } }),
    },
    orderBy: { id: 'desc' },
    take: input.limit + 1,
  });
  const more = rows.length > input.limit;
  return { messages: rows.slice(0, input.limit).reverse(), more };
}
