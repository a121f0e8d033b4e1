import { type Api, InlineKeyboard } from 'grammy';
import { downloadTelegramFile } from '#bots/shared/download-telegram-file.ts';
import { escapeHtml } from '#bots/shared/format.ts';
import { runChatTurn, type TChatTurnResult } from '#core/ai/chat/run-chat-turn.ts';
import { transcribeVoice } from '#core/ai/chat/transcribe-voice.ts';
import { cheapestWayIn } from '#core/ai/cheapest-way-in.ts';
import type { TAiGateway } from '#core/ai/providers/ai-gateway.ts';
import type { PrismaClient } from '#core/db/create-prisma.ts';
import { isAppError } from '#core/errors/app-error.ts';
import type { TLang } from '#core/i18n/translator.ts';
import type { Logger } from '#core/logging/logger.ts';
import { speakReply } from './chat-callbacks.ts';
import { chatFailureView, isRefusal } from './chat-failure.ts';
import type { TTr } from './dialog-views.ts';
import { sendRich } from './rich-text.ts';
import { keepTyping, StreamingReply, type TStreamPacing } from './streaming-reply.ts';

export interface TReplyEnv {
  db: PrismaClient;
  ai: TAiGateway;
  /** TELEGRAM_API_ROOT: voice files are downloaded from the same Bot API the bot talks to. */
  apiRoot: string;
  api: Api;
  chatId: number;
  userId: bigint;
  lang: TLang;
  tr: TTr;
  log: Logger;
  /** WELCOME_PROMO_CODES: the bonus codes a user out of tokens may be told about. */
  advertisedPromos: readonly string[];
  pacing?: TStreamPacing;
}

export type TReplyInput = { text: string } | { voiceFileId: string };

/** "Briefly": the transcript is an echo of what was heard, not a second copy of a long message. */
const TRANSCRIPT_SHOWN_CHARS = 600;

const speakKeyboard = (tr: TTr, result: TChatTurnResult) =>
  new InlineKeyboard().text(
    tr('chat-speak-button'),
    speakReply.encode({ id: result.assistantMessageId.toString() }),
  );

async function heard(env: TReplyEnv, fileId: string): Promise<string> {
  const file = await downloadTelegramFile(env.api, { apiRoot: env.apiRoot, fileId });
  const { text } = await transcribeVoice(
    { db: env.db, ai: env.ai },
    {
      userId: env.userId,
      audio: file.bytes,
      fileName: file.fileName,
      source: 'bot',
      language: env.lang,
      chatId: BigInt(env.chatId),
    },
  );
  const shown = text.length > TRANSCRIPT_SHOWN_CHARS ? `${text.slice(0, TRANSCRIPT_SHOWN_CHARS)}…` : text;
  await env.api.sendMessage(env.chatId, env.tr('chat-voice-transcript', { text: escapeHtml(shown) }), {
    parse_mode: 'HTML',
  });
  return text;
}

/**
 * Answers one message in the user's active dialog: "typing…" at once, a voice message transcribed first,
 * then the model's reply streamed into the chat and finished with the 🔊 button. A refusal (no tokens, model
 * off) is its own message with what to do; a failure after the request started replaces the reply with an
 * error that says nothing was charged (the hold was released).
 */
export async function replyInChat(env: TReplyEnv, input: TReplyInput): Promise<void> {
  const { api, chatId, tr } = env;
  let typing = keepTyping(api, chatId, env.log);
  const reply = new StreamingReply(api, chatId, { logger: env.log, pacing: env.pacing });
  let result: TChatTurnResult;
  let stage: 'voice' | 'chat' = 'chat';
  try {
    let text: string;
    if ('voiceFileId' in input) {
      stage = 'voice';
      text = await heard(env, input.voiceFileId);
      stage = 'chat';
      // Sending the transcript ended the first "typing…"; the model has not started yet.
      typing.stop();
      typing = keepTyping(api, chatId, env.log);
    } else {
      text = input.text;
    }
    result = await runChatTurn(
      { db: env.db, ai: env.ai },
      {
        userId: env.userId,
        text,
        source: 'bot',
        language: env.lang,
        chatId: BigInt(chatId),
        onText: (soFar) => {
          typing.stop();
          reply.push(soFar);
        },
      },
    );
  } catch (error) {
    typing.stop();
    if (!isAppError(error)) env.log.error({ err: String(error), chatId }, 'chat reply failed');
    else if (isAppError(error, 'PROVIDER_ERROR'))
      env.log.warn({ details: error.details, chatId }, 'model failed');
    // A shortfall points to the cheapest way in: at zero balance it is the first thing a new user meets.
    const wayIn = isAppError(error, 'INSUFFICIENT_FUNDS')
      ? await cheapestWayIn(env.db, { userId: env.userId, advertisedPromos: env.advertisedPromos })
      : undefined;
    const view = chatFailureView(
      tr,
      env.lang,
      error,
      stage === 'voice' ? 'chat-voice-failed' : 'chat-failed',
      wayIn,
    );
    if (isRefusal(error) && reply.messageIds.length === 0)
      await sendRich(api, chatId, view.text, { replyMarkup: view.keyboard });
    else await reply.fail(view.text);
    return;
  }
  typing.stop();
  // Charged by now: a Telegram failure from here on is logged, never reported as "nothing was charged".
  try {
    await reply.finish(result.reply, speakKeyboard(tr, result));
  } catch (error) {
    env.log.error(
      { err: String(error), chatId, requestId: result.requestId.toString() },
      'final reply edit failed',
    );
  }
}
