import type { AiRequest, PrismaClient } from '#core/db/generated/client.ts';
import { isAppError } from '#core/errors/app-error.ts';
import type { TFileStore } from '#core/files/file-store.ts';
import { readFile } from '#core/files/read-file.ts';
import type { Logger } from '#core/logging/logger.ts';
import type { TGenerationDelivery } from './generation-delivery.ts';
import { sendOnce } from './send-once.ts';

interface TDeliverDeps {
  db: PrismaClient;
  store: TFileStore;
  delivery: TGenerationDelivery;
  logger: Logger;
}

export type TDelivered = 'delivered' | 'undeliverable' | 'result_gone';

/** The journal slot of part `part` of the result (ai_request_messages.slot). */
export const resultSlot = (part: number) => `result:${part}`;
export const RESULT_NOTE_SLOT = 'result-note';

/**
 * Puts the stored result into the chat, each message once, and records it (`deliveredAt`) before anything
 * is charged: a rerun that finds the delivery recorded only settles; one that finds some messages sent
 * sends the rest. Mini App requests (no chat) are delivered by being stored: the gallery shows them.
 *
 * When a message's fate is unknown (an earlier run died between Telegram's answer and our write, or the
 * connection broke mid-send), the result is never sent again: a second copy of a picture the user already
 * has is the failure this journal exists to prevent, and the window is a few milliseconds wide. The user
 * gets one short note instead, with the download link (or the way to the gallery), which is harmless if
 * the result did arrive and enough if it did not. The note itself is sent at most once, like every message.
 */
export async function deliverResult(deps: TDeliverDeps, request: AiRequest): Promise<TDelivered> {
  if (request.chatId === null || request.deliveredAt !== null) return 'delivered';
  const read = await readFile(deps, { fileId: request.resultFileId ?? '' }).catch((error: unknown) => {
    if (isAppError(error, 'NOT_FOUND')) return null;
    throw error;
  });
  if (!read) return 'result_gone';
  const result = { file: read.file, bytes: read.data };
  const parts = deps.delivery.resultParts(request, result);
  let inChat = false;
  let unknown = false;
  for (let part = 0; part < parts; part++) {
    const sent = await sendOnce(deps.db, {
      requestId: request.id,
      slot: resultSlot(part),
      send: () => deps.delivery.sendResult(request, result, part),
    });
    if (sent.kind === 'undeliverable') {
      // Nobody can receive the rest; what is already in the chat was delivered and is paid for.
      if (!inChat) return 'undeliverable';
      break;
    }
    if (sent.kind === 'unknown') unknown = true;
    inChat = true;
  }
  if (unknown) {
    deps.logger.warn(
      { requestId: request.id.toString() },
      'a result message may not have arrived: sending a note',
    );
    // Its own fate unknown too (two crashes in two such windows): the gallery still has the result.
    await sendOnce(deps.db, {
      requestId: request.id,
      slot: RESULT_NOTE_SLOT,
      send: () => deps.delivery.sendResultNote(request, result),
    });
  }
  await deps.db.aiRequest.updateMany({
    where: { id: request.id, deliveredAt: null },
    data: { deliveredAt: new Date() },
  });
  return 'delivered';
}
