import type { FastifyInstance } from 'fastify';
// The bot's lock (Redis, no grammY): keyed by the private chat, whose id is the user's id, so a reply
// streaming in the bot's chat and one in the Mini App exclude each other.
import { acquireReplyLock } from '#core/ai/chat/reply-lock.ts';
import { runChatTurn, type TChatTurnResult } from '#core/ai/chat/run-chat-turn.ts';
import { ownedDialog } from '#core/ai/dialogs/owned-dialog.ts';
import type { User } from '#core/db/generated/client.ts';
import { AppError, isAppError } from '#core/errors/app-error.ts';
import { getWallet } from '#core/ledger/wallet.ts';
import { type TChatDone, ZSendMessageSchema } from '#server/contracts/studio.ts';
import type { ServerDeps } from '#server/deps.ts';
import { chatFailure } from './chat-failure-text.ts';
import { dialogView } from './dialogs-routes.ts';
import { openEventStream } from './event-stream.ts';
import { accountOf, idOf, parsed } from './request-parts.ts';
import { toMessageView } from './studio-views.ts';

/** The `done` event: both stored messages, the charge, the dialog as it is now and what is left to spend. */
async function doneEvent(deps: ServerDeps, account: User, result: TChatTurnResult): Promise<TChatDone> {
  const { db } = deps;
  const [message, userMessage, dialog, wallet] = await Promise.all([
    db.dialogMessage.findUniqueOrThrow({ where: { id: result.assistantMessageId } }),
    // Written just before the reply in the same transaction: the newest user message below it.
    db.dialogMessage.findFirstOrThrow({
      where: { dialogId: result.dialog.id, role: 'user', id: { lt: result.assistantMessageId } },
      orderBy: { id: 'desc' },
    }),
    dialogView(db, account.id, result.dialog.id),
    getWallet(db, account.id),
  ]);
  const available = wallet.tokens.available > 0n ? wallet.tokens.available : 0n;
  return {
    userMessage: toMessageView(userMessage),
    message: toMessageView(message),
    charged: result.charged.toString(),
    mode: result.mode,
    dialog,
    available: available.toString(),
  };
}

/**
 * POST /api/studio/dialogs/:id/messages: one message to the dialog's model, the reply streamed back as
 * Server-Sent Events (contracts/studio.ts) through the bot's own chat service: the same live price, hold,
 * capture on a complete reply and release on any failure, the same refusals.
 *
 * The reply is not canceled when the client goes away: like a reply in the bot's chat it is finished,
 * stored in the dialog and charged once, and the chat shows it when reopened.
 */
export function studioChatRoute(api: FastifyInstance, deps: ServerDeps) {
  api.post<{ Params: { id: string } }>('/api/studio/dialogs/:id/messages', async (request, reply) => {
    const account = accountOf(request);
    const dialogId = idOf(request.params.id);
    const { text } = parsed(ZSendMessageSchema, request.body);
    // Refused as plain JSON while nothing has started: not the user's dialog, or a reply already running.
    await ownedDialog(deps.db, { userId: account.id, dialogId });
    const lock = await acquireReplyLock(deps.redis, deps.config.REDIS_PREFIX, Number(account.id));
    if (!lock) throw new AppError('CHAT_BUSY');

    const stream = openEventStream(reply);
    let sent = 0;
    try {
      let result: TChatTurnResult;
      try {
        result = await runChatTurn(
          { db: deps.db, ai: deps.ai },
          {
            userId: account.id,
            dialogId,
            text,
            source: 'miniapp',
            language: account.language,
            onText: (soFar) => {
              if (soFar.length <= sent) return;
              stream.send({ event: 'delta', data: { text: soFar.slice(sent) } });
              sent = soFar.length;
            },
          },
        );
      } catch (error) {
        const where = { dialogId: dialogId.toString() };
        if (!isAppError(error)) request.log.error({ err: error, ...where }, 'chat reply failed');
        else if (isAppError(error, 'PROVIDER_ERROR'))
          request.log.warn({ details: error.details, ...where }, 'model failed');
        stream.send({ event: 'failure', data: chatFailure(deps.translator, account.language, error) });
        return;
      }
      // Charged and stored by now: a failure from here on must not claim that nothing was charged.
      try {
        stream.send({ event: 'done', data: await doneEvent(deps, account, result) });
      } catch (error) {
        request.log.error({ err: error, requestId: result.requestId.toString() }, 'chat reply not shown');
        const message = deps.translator.t(account.language, 'miniapp-studio-chat-saved-not-shown');
        stream.send({ event: 'failure', data: { code: 'REPLY_NOT_SHOWN', message } });
      }
    } finally {
      stream.end();
      await lock
        .release()
        .catch((error: unknown) => request.log.warn({ err: String(error) }, 'chat lock release failed'));
    }
  });
}
