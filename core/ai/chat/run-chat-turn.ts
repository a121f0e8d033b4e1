import { activeDialog } from '#core/ai/dialogs/active-dialog.ts';
import { titleFromMessage } from '#core/ai/dialogs/dialog-rules.ts';
import { ownedDialog } from '#core/ai/dialogs/owned-dialog.ts';
import type { TAiGateway } from '#core/ai/providers/ai-gateway.ts';
import type { TChatMessage } from '#core/ai/providers/provider-types.ts';
import type { AiRequestSource, Dialog, Language, PrismaClient } from '#core/db/generated/client.ts';
import { AppError } from '#core/errors/app-error.ts';
import { buildChatMessages, HISTORY_BUDGET, type THistoryMessage } from './chat-context.ts';
import { streamWithDeadlines } from './chat-deadlines.ts';
import { runInstantRequest } from './instant-request.ts';
import type { TChargeMode } from './request-charge.ts';

export interface TChatDeps {
  db: PrismaClient;
  ai: Pick<TAiGateway, 'streamChat' | 'serves'>;
}

export interface TChatTurn {
  userId: bigint;
  text: string;
  source: AiRequestSource;
  language: Language;
  /** The active dialog (created on first use) unless a dialog of the user's is named. */
  dialogId?: bigint;
  chatId?: bigint;
  signal?: AbortSignal;
  /** Everything the model has written so far, after each piece; must return quickly (the bot throttles). */
  onText?: (text: string) => void;
}

export interface TChatTurnResult {
  dialog: Dialog;
  requestId: bigint;
  reply: string;
  assistantMessageId: bigint;
  charged: bigint;
  mode: TChargeMode;
}

/** Telegram's own limit for a text message; the Mini App is held to the same. */
export const CHAT_MESSAGE_MAX = 4_096;

async function previousMessages(db: PrismaClient, dialogId: bigint): Promise<THistoryMessage[]> {
  const rows = await db.dialogMessage.findMany({
    where: { dialogId, role: { in: ['user', 'assistant'] } },
    orderBy: { id: 'desc' },
    take: HISTORY_BUDGET.maxMessages,
    select: { role: true, content: true },
  });
  return rows.reverse().map((r) => ({ role: r.role === 'user' ? 'user' : 'assistant', content: r.content }));
}

async function streamReply(
  deps: TChatDeps,
  modelId: string,
  messages: TChatMessage[],
  input: TChatTurn,
): Promise<{ reply: string; modelTokens: number | null }> {
  let reply = '';
  let modelTokens: number | null = null;
  const stream = streamWithDeadlines((signal) => deps.ai.streamChat(modelId, messages, signal), input.signal);
  for await (const chunk of stream) {
    if (chunk.type === 'usage') {
      modelTokens = chunk.promptTokens + chunk.completionTokens;
    } else if (chunk.text) {
      reply += chunk.text;
      input.onText?.(reply);
    }
  }
  if (reply.trim().length === 0) throw new AppError('PROVIDER_ERROR', { failure: 'empty_reply' });
  return { reply, modelTokens };
}

/**
 * One message to a text model and its streamed reply, charged at the model's live price (openCharge): held
 * before the provider is called, captured once the reply is complete, released on any failure. On success
 * both messages are added to the dialog (the reply with the tokens charged and the provider's usage).
 *
 * Refusals before any provider call: `INVALID_INPUT`, `NOT_FOUND` (not the user's dialog),
 * `MODEL_UNAVAILABLE`, `INSUFFICIENT_FUNDS`. A failed or stalled model: `PROVIDER_ERROR { failure }`.
 */
export async function runChatTurn(deps: TChatDeps, input: TChatTurn): Promise<TChatTurnResult> {
  const { db } = deps;
  const text = input.text.trim();
  if (text.length === 0) throw new AppError('INVALID_INPUT', { reason: 'message_empty' });
  if (text.length > CHAT_MESSAGE_MAX)
    throw new AppError('INVALID_INPUT', { reason: 'message_too_long', max: CHAT_MESSAGE_MAX });
  const dialog =
    input.dialogId === undefined
      ? await activeDialog(db, input.userId)
      : await ownedDialog(db, { userId: input.userId, dialogId: input.dialogId });

  const outcome = await runInstantRequest(db, {
    request: {
      userId: input.userId,
      kind: 'text',
      modelId: dialog.modelId,
      source: input.source,
      prompt: text,
      language: input.language,
      dialogId: dialog.id,
      chatId: input.chatId,
    },
    served: deps.ai.serves(dialog.modelId),
    run: async () => {
      const history = dialog.historyEnabled ? await previousMessages(db, dialog.id) : [];
      const messages = buildChatMessages({
        systemPrompt: dialog.systemPrompt,
        history,
        historyEnabled: dialog.historyEnabled,
        text,
      });
      return streamReply(deps, dialog.modelId, messages, input);
    },
    settle: async (tx, { charged, value }) => {
      await tx.dialogMessage.create({ data: { dialogId: dialog.id, role: 'user', content: text } });
      const assistant = await tx.dialogMessage.create({
        data: {
          dialogId: dialog.id,
          role: 'assistant',
          content: value.reply,
          tokensUsed: charged,
          modelTokens: value.modelTokens,
        },
      });
      // Touching the dialog keeps the list "most recently used first"; an untitled one takes its first words.
      await tx.dialog.update({
        where: { id: dialog.id },
        data: dialog.title === '' ? { title: titleFromMessage(text) } : { updatedAt: new Date() },
      });
      return { assistantMessageId: assistant.id, reply: value.reply };
    },
  });
  return {
    dialog,
    requestId: outcome.requestId,
    reply: outcome.value.reply,
    assistantMessageId: outcome.value.assistantMessageId,
    charged: outcome.charged,
    mode: outcome.mode,
  };
}
