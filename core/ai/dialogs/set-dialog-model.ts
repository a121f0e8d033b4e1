import type { Dialog, PrismaClient } from '../../db/generated/client.ts';
import { AppError } from '../../errors/app-error.ts';
import { findModel } from '../models/list-models.ts';
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
