import type { TAiGateway } from '#core/ai/providers/ai-gateway.ts';
import type { AiKind, Prisma, PrismaClient } from '#core/db/generated/client.ts';
import { listModels, type TAdminModel } from './list-models.ts';

/**
 * The models a user may pick right now, in catalog order at their live price: switched on by admins AND
 * served by a configured provider (offering a model nobody serves would only earn a refusal later). Every
 * picker (bot /image, /video, photo tools, /dialogs; the Mini App's studio and tasks) shows this list.
 */
export async function offeredModels(
  deps: { db: PrismaClient | Prisma.TransactionClient; ai: Pick<TAiGateway, 'serves'> },
  opts: { kind?: AiKind } = {},
): Promise<TAdminModel[]> {
  const models = await listModels(deps.db, opts);
  return models.filter((m) => m.enabled && deps.ai.serves(m.id));
}
