import { findModel } from '#core/ai/models/list-models.ts';
import type { Dialog, PrismaClient } from '#core/db/generated/client.ts';
import { AppError } from '#core/errors/app-error.ts';
import { cleanTitle, DEFAULT_DIALOG_MODEL, SYSTEM_PROMPT_MAX } from './dialog-rules.ts';

export interface TCreateDialog {
  userId: bigint;
  /** Empty: the dialog is named after its first message. */
  title?: string;
  modelId?: string;
  systemPrompt?: string | null;
  /** On by default: the model sees the previous messages. */
  historyEnabled?: boolean;
  /** Makes it the dialog new messages go to (true by default). */
  activate?: boolean;
}

/** A new dialog, made the active one unless told otherwise. */
export async function createDialog(db: PrismaClient, input: TCreateDialog): Promise<Dialog> {
  const modelId = input.modelId ?? DEFAULT_DIALOG_MODEL;
  const model = await findModel(db, modelId);
  if (model?.kind !== 'text') throw new AppError('INVALID_INPUT', { reason: 'not_text_model' });
  if (!model.enabled) throw new AppError('MODEL_UNAVAILABLE', { modelId });
  const systemPrompt = input.systemPrompt?.trim() || null;
  if (systemPrompt && systemPrompt.length > SYSTEM_PROMPT_MAX)
    throw new AppError('INVALID_INPUT', { reason: 'system_prompt_too_long', max: SYSTEM_PROMPT_MAX });
  const title = input.title === undefined ? '' : (cleanTitle(input.title) ?? '');
  return db.$transaction(async (tx) => {
    const dialog = await tx.dialog.create({
      data: {
        userId: input.userId,
        title,
        modelId,
        systemPrompt,
        historyEnabled: input.historyEnabled ?? true,
      },
    });
    if (input.activate ?? true) {
      await tx.aiUserState.upsert({
        where: { userId: input.userId },
        create: { userId: input.userId, activeDialogId: dialog.id },
        update: { activeDialogId: dialog.id },
      });
    }
    return dialog;
  });
}
