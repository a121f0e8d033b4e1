import type { TStaff } from '#core/accounts/staff.ts';
import type { PrismaClient } from '#core/db/generated/client.ts';
import { changeModel } from './change-model.ts';
import type { TAdminModel } from './list-models.ts';

/** Switches a model on or off for new requests (jobs already accepted run on). Needs `ai.manage`. */
export async function setModelEnabled(
  db: PrismaClient,
  opts: { staff: TStaff; modelId: string; enabled: boolean },
): Promise<{ model: TAdminModel; changed: boolean }> {
  return changeModel(db, {
    staff: opts.staff,
    modelId: opts.modelId,
    action: opts.enabled ? 'ai.model.enable' : 'ai.model.disable',
    change: { enabled: opts.enabled },
    same: (row) => row.enabled === opts.enabled,
  });
}
