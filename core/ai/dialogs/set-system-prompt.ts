import type { Dialog, PrismaClient } from '#core/db/generated/client.ts';
import { AppError } from '#core/errors/app-error.ts';
import { SYSTEM_PROMPT_MAX } from './dialog-rules.ts';
import { ownedDialog } from './owned-dialog.ts';

/** Sets the instructions the model gets before every message of the dialog; null or blank clears them. */
export async function setSystemPrompt(
  db: PrismaClient,
  input: { userId: bigint; dialogId: bigint; systemPrompt: string | null },
): Promise<Dialog> {
  const systemPrompt = input.systemPrompt?.trim() || null;
  if (systemPrompt && systemPrompt.length > SYSTEM_PROMPT_MAX)
    throw new AppError('INVALID_INPUT', { reason: 'system_prompt_too_long', max: SYSTEM_PROMPT_MAX });
  const dialog = await ownedDialog(db, input);
  return db.dialog.update({ where: { id: dialog.id }, data: { systemPrompt } });
}
