import type { Dialog, PrismaClient } from '#core/db/generated/client.ts';
import { AppError } from '#core/errors/app-error.ts';
import { cleanTitle } from './dialog-rules.ts';
import { ownedDialog } from './owned-dialog.ts';

export async function renameDialog(
  db: PrismaClient,
  input: { userId: bigint; dialogId: bigint; title: string },
): Promise<Dialog> {
  const title = cleanTitle(input.title);
  if (!title) throw new AppError('INVALID_INPUT', { reason: 'title_empty' });
  const dialog = await ownedDialog(db, input);
  return db.dialog.update({ where: { id: dialog.id }, data: { title } });
}
