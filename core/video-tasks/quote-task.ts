import { findModel } from '#core/ai/models/list-models.ts';
import type { TAiGateway } from '#core/ai/providers/ai-gateway.ts';
import type { PrismaClient } from '#core/db/generated/client.ts';
import { getWallet } from '#core/ledger/wallet.ts';
import { ownedTask } from './owned-task.ts';

export interface TTaskQuote {
  modelId: string;
  /** The model's live token price: what a run reserves now and captures when the video is delivered. */
  price: bigint;
  /** Tokens the user can spend now (balance minus what running work holds). */
  available: bigint;
  enough: boolean;
  /** Switched on by admins and served by a configured provider. */
  runnable: boolean;
}

/**
 * What running the task would cost, shown before the user confirms. The price is read live (admins re-price
 * models without a deploy), so the confirmation sends it back and runTask refuses if it moved meanwhile.
 */
export async function quoteTask(
  deps: { db: PrismaClient; ai: Pick<TAiGateway, 'serves'> },
  input: { userId: bigint; taskId: bigint },
): Promise<TTaskQuote> {
  const task = await ownedTask(deps.db, input);
  const [model, wallet] = await Promise.all([
    findModel(deps.db, task.modelId),
    getWallet(deps.db, input.userId),
  ]);
  const price = model?.tokenPrice ?? 0n;
  const available = wallet.tokens.available;
  return {
    modelId: task.modelId,
    price,
    available,
    enough: available >= price,
    runnable: (model?.enabled ?? false) && deps.ai.serves(task.modelId),
  };
}
