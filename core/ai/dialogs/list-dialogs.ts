import type { Dialog, PrismaClient } from '#core/db/generated/client.ts';
import { activeDialogId } from './active-dialog.ts';

export interface TDialogSummary {
  dialog: Dialog;
  messageCount: number;
  active: boolean;
}

/** The user's dialogs, most recently used first, each with its number of messages. */
export async function listDialogs(
  db: PrismaClient,
  input: { userId: bigint; limit?: number },
): Promise<TDialogSummary[]> {
  const [dialogs, active] = await Promise.all([
    db.dialog.findMany({
      where: { userId: input.userId, deletedAt: null },
      orderBy: [{ updatedAt: 'desc' }, { id: 'desc' }],
      take: input.limit ?? 20,
      include: { _count: { select: { messages: true } } },
    }),
    activeDialogId(db, input.userId),
  ]);
  return dialogs.map(({ _count, ...dialog }) => ({
    dialog,
    messageCount: _count.messages,
    active: dialog.id === active,
  }));
}
