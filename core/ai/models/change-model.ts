import { assertCan, type TStaff } from '#core/accounts/staff.ts';
import { findCatalogModel } from '#core/ai/model-catalog.ts';
import { recordAudit } from '#core/audit/record-audit.ts';
import type { AiModel, Prisma, PrismaClient } from '#core/db/generated/client.ts';
import { AppError } from '#core/errors/app-error.ts';
import { liveOf, type TAdminModel } from './list-models.ts';

type TChange = Pick<Prisma.AiModelUpdateInput, 'enabled' | 'tokenPrice'>;

/**
 * One admin change of a model row with its audit entry, in one transaction. The row is created from the
 * catalog if start-up has not yet done it, then locked, so two admins changing the same model at once each
 * record the "before" the other left. Nothing is written (no audit either) when the value is already so.
 */
export async function changeModel(
  db: PrismaClient,
  opts: { staff: TStaff; modelId: string; action: string; change: TChange; same: (row: AiModel) => boolean },
): Promise<{ model: TAdminModel; changed: boolean }> {
  assertCan(opts.staff, 'ai.manage');
  const catalog = findCatalogModel(opts.modelId);
  if (!catalog) throw new AppError('MODEL_NOT_FOUND', { modelId: opts.modelId });
  return db.$transaction(async (tx) => {
    await tx.aiModel.createMany({
      data: [{ id: catalog.id, kind: catalog.kind, tokenPrice: catalog.tokenPrice }],
      skipDuplicates: true,
    });
    await tx.$queryRaw`SELECT id FROM ai_models WHERE id = ${catalog.id} FOR UPDATE`;
    const before = await tx.aiModel.findUniqueOrThrow({ where: { id: catalog.id } });
    if (opts.same(before)) return { model: liveOf(catalog, before), changed: false };
    const after = await tx.aiModel.update({
      where: { id: catalog.id },
      data: { ...opts.change, updatedBy: opts.staff.id },
    });
    await recordAudit(tx, {
      actorId: opts.staff.id,
      action: opts.action,
      before: { model: before.id, enabled: before.enabled, tokenPrice: before.tokenPrice.toString() },
      after: { model: after.id, enabled: after.enabled, tokenPrice: after.tokenPrice.toString() },
    });
    return { model: liveOf(catalog, after), changed: true };
  });
}
