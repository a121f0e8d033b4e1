import type { FastifyInstance } from 'fastify';
import { createDialog } from '#core/ai/dialogs/create-dialog.ts';
import { deleteDialog } from '#core/ai/dialogs/delete-dialog.ts';
import { dialogDetails } from '#core/ai/dialogs/dialog-details.ts';
import { dialogMessages } from '#core/ai/dialogs/dialog-messages.ts';
import { listDialogs } from '#core/ai/dialogs/list-dialogs.ts';
import { renameDialog } from '#core/ai/dialogs/rename-dialog.ts';
import { setDialogModel } from '#core/ai/dialogs/set-dialog-model.ts';
import { setSystemPrompt } from '#core/ai/dialogs/set-system-prompt.ts';
import { switchDialog } from '#core/ai/dialogs/switch-dialog.ts';
import { toggleHistory } from '#core/ai/dialogs/toggle-history.ts';
import { listModels } from '#core/ai/models/list-models.ts';
import type { PrismaClient } from '#core/db/generated/client.ts';
import {
  MESSAGES_PAGE_MAX,
  type TDialogMessages,
  type TStudioDialog,
  type TStudioDialogList,
  ZCreateDialogSchema,
  ZDialogMessagesQuerySchema,
  ZUpdateDialogSchema,
} from '#server/contracts/studio.ts';
import type { ServerDeps } from '#server/deps.ts';
import { accountOf, idOf, pageLimit, parsed } from './request-parts.ts';
import { toDialogView, toMessageView } from './studio-views.ts';

type TIdParams = { id: string };

const MESSAGES_PAGE_DEFAULT = 30;
const DIALOGS_LIST_MAX = 50;

/** Live prices of the text models, for showing each dialog's cost per message. */
async function textPrices(db: PrismaClient): Promise<Map<string, bigint>> {
  return new Map((await listModels(db, { kind: 'text' })).map((m) => [m.id, m.tokenPrice]));
}

/** One dialog of the user's as the Mini App sees it (NOT_FOUND for anyone else's). */
export async function dialogView(db: PrismaClient, userId: bigint, dialogId: bigint): Promise<TStudioDialog> {
  const [summary, prices] = await Promise.all([dialogDetails(db, { userId, dialogId }), textPrices(db)]);
  return toDialogView(summary, prices.get(summary.dialog.modelId) ?? 0n);
}

/**
 * The user's dialogs (core/ai/dialogs/): the same ones the bot's /dialogs shows, so a dialog started in the
 * chat continues in the Mini App and the other way round. Someone else's dialog is NOT_FOUND.
 */
export function studioDialogRoutes(api: FastifyInstance, deps: ServerDeps) {
  const { db } = deps;

  api.get('/api/studio/dialogs', async (request): Promise<TStudioDialogList> => {
    const account = accountOf(request);
    const [dialogs, prices] = await Promise.all([
      listDialogs(db, { userId: account.id, limit: DIALOGS_LIST_MAX }),
      textPrices(db),
    ]);
    return { dialogs: dialogs.map((d) => toDialogView(d, prices.get(d.dialog.modelId) ?? 0n)) };
  });

  api.post('/api/studio/dialogs', async (request, reply): Promise<TStudioDialog> => {
    const account = accountOf(request);
    const body = parsed(ZCreateDialogSchema, request.body);
    const dialog = await createDialog(db, { userId: account.id, ...body });
    reply.status(201);
    return dialogView(db, account.id, dialog.id);
  });

  api.patch<{ Params: TIdParams }>('/api/studio/dialogs/:id', async (request): Promise<TStudioDialog> => {
    const account = accountOf(request);
    const dialogId = idOf(request.params.id);
    const body = parsed(ZUpdateDialogSchema, request.body);
    const target = { userId: account.id, dialogId };
    // The contract already refused a blank title and a long prompt, so only the model can still be refused:
    // it goes first, and a refusal leaves the dialog exactly as it was.
    if (body.modelId !== undefined) await setDialogModel(db, { ...target, modelId: body.modelId });
    if (body.systemPrompt !== undefined)
      await setSystemPrompt(db, { ...target, systemPrompt: body.systemPrompt });
    if (body.historyEnabled !== undefined)
      await toggleHistory(db, { ...target, enabled: body.historyEnabled });
    if (body.title !== undefined) await renameDialog(db, { ...target, title: body.title });
    return dialogView(db, account.id, dialogId);
  });

  api.delete<{ Params: TIdParams }>('/api/studio/dialogs/:id', async (request, reply) => {
    const account = accountOf(request);
    await deleteDialog(db, { userId: account.id, dialogId: idOf(request.params.id) });
    return reply.status(204).send();
  });

  api.post<{ Params: TIdParams }>(
    '/api/studio/dialogs/:id/activate',
    async (request): Promise<TStudioDialog> => {
      const account = accountOf(request);
      const dialogId = idOf(request.params.id);
      await switchDialog(db, { userId: account.id, dialogId });
      return dialogView(db, account.id, dialogId);
    },
  );

  api.get<{ Params: TIdParams }>(
    '/api/studio/dialogs/:id/messages',
    async (request): Promise<TDialogMessages> => {
      const account = accountOf(request);
      const query = parsed(ZDialogMessagesQuerySchema, request.query);
      const limit = pageLimit(query.limit, MESSAGES_PAGE_DEFAULT, MESSAGES_PAGE_MAX);
      const page = await dialogMessages(db, {
        userId: account.id,
        dialogId: idOf(request.params.id),
        beforeId: query.before ? BigInt(query.before) : undefined,
        limit,
      });
      const oldest = page.messages[0];
      return {
        messages: page.messages.map(toMessageView),
        nextBefore: page.more && oldest ? oldest.id.toString() : null,
      };
    },
  );
}
