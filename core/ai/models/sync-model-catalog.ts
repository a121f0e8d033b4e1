import { MODEL_CATALOG } from '#core/ai/model-catalog.ts';
import type { PrismaClient } from '#core/db/generated/client.ts';

/**
 * Inserts an `ai_models` row for every catalog model that has none, with the catalog's price, switched on.
 * Existing rows are never touched: an admin's switch and price outlive deploys and restarts. Safe to run from
 * several processes at once (ON CONFLICT DO NOTHING).
 */
export async function syncModelCatalog(db: PrismaClient): Promise<{ inserted: number }> {
  const { count } = await db.aiModel.createMany({
    data: MODEL_CATALOG.map((m) => ({ id: m.id, kind: m.kind, tokenPrice: m.tokenPrice })),
    skipDuplicates: true,
  });
  return { inserted: count };
}
