import { findCatalogModel, MODEL_CATALOG, type TCatalogModel } from '#core/ai/model-catalog.ts';
import type { AiKind, AiModel, Prisma, PrismaClient } from '#core/db/generated/client.ts';
import { AppError } from '#core/errors/app-error.ts';

type TDb = PrismaClient | Prisma.TransactionClient;

/** A catalog entry with what admins decide live: the switch and the token price. */
export interface TAdminModel extends TCatalogModel {
  enabled: boolean;
  /** The price charged now (the catalog's `tokenPrice` is only the default a new row starts with). */
  tokenPrice: bigint;
  /** The catalog's price, to show next to an admin's change. */
  defaultPrice: bigint;
  updatedBy: bigint | null;
  updatedAt: Date | null;
}

/** Before syncModelCatalog has run (a fresh database) a model is on at its catalog price. */
export const liveOf = (model: TCatalogModel, row: AiModel | null | undefined): TAdminModel => ({
  ...model,
  enabled: row?.enabled ?? true,
  tokenPrice: row?.tokenPrice ?? model.tokenPrice,
  defaultPrice: model.tokenPrice,
  updatedBy: row?.updatedBy ?? null,
  updatedAt: row?.updatedAt ?? null,
});

/** Catalog models in catalog order, switched-off ones included (callers that sell filter on `enabled`). */
export async function listModels(db: TDb, opts: { kind?: AiKind } = {}): Promise<TAdminModel[]> {
  const models = MODEL_CATALOG.filter((m) => opts.kind === undefined || m.kind === opts.kind);
  const rows = await db.aiModel.findMany({ where: { id: { in: models.map((m) => m.id) } } });
  const byId = new Map(rows.map((r) => [r.id, r]));
  return models.map((m) => liveOf(m, byId.get(m.id)));
}

/** One model as it stands now; null for an id the catalog does not know (rows of retired models included). */
export async function findModel(db: TDb, modelId: string): Promise<TAdminModel | null> {
  const model = findCatalogModel(modelId);
  if (!model) return null;
  return liveOf(model, await db.aiModel.findUnique({ where: { id: modelId } }));
}

/** The token price charged now; MODEL_NOT_FOUND for an unknown id. It does not look at the switch. */
export async function modelPrice(db: TDb, modelId: string): Promise<bigint> {
  const model = await findModel(db, modelId);
  if (!model) throw new AppError('MODEL_NOT_FOUND', { modelId });
  return model.tokenPrice;
}
