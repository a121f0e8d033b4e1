import { findModel } from '#core/ai/models/list-models.ts';
import type { Dialog, PrismaClient } from '#core/db/generated/client.ts';
import { AppError } from '#core/errors/app-error.ts';
import { ownedDialog } from './owned-dialog.ts';

/** Only text models that admins have left switched on can answer in a dialog. */
export async function setDialogModel(
  db: PrismaClient,
  input: { userId: bigint; dialogId: bigint; modelId: string },
): Promise<Dialog> {
  const dialog = await ownedDialog(db, input);
  const model = await findModel(db, input.modelId);
  if (model?.kind !== 'text')
    throw new AppError('INVALID_INPUT', { reason: 'not_text_model', modelId: input.modelId });
  if (!model.enabled) throw new AppError('MODEL_UNAVAILABLE', { modelId: input.modelId });
  return db.dialog.update({ where: { id: dialog.id }, data: { modelId: model.id } });
}
