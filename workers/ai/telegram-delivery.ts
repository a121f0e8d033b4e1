import { Api, GrammyError, InlineKeyboard, InputFile } from 'grammy';
import type { Message } from 'grammy/types';
import {
  MessageNotSent,
  type TGenerationDelivery,
  type TResult,
  type TSent,
} from '#core/ai/generation/generation-delivery.ts';
import { bareMimeType } from '#core/ai/generation/generation-output.ts';
import { FAILURE_KEYS, priceArgs, statusText, type TTranslate } from '#core/ai/generation/status-text.ts';
import { findCatalogModel } from '#core/ai/model-catalog.ts';
import type { AiRequest, PrismaClient, StoredFile } from '#core/db/generated/client.ts';
import type { Translator } from '#core/i18n/translator.ts';
import type { Logger } from '#core/logging/logger.ts';
import { wasNotSent } from '#workers/telegram-not-sent.ts';
import { telegramRetries } from './telegram-retries.ts';

export interface TTelegramDeliveryDeps {
  /** The user bot's API (file ids and chats are per bot). */
  api: Api;
  db: PrismaClient;
  translator: Translator;
  logger: Logger;
  /**
   * Telegram allows about one edit a second per chat before 429s; a status message has nothing new to say
   * more often than every few seconds anyway.
   */
  minEditIntervalMs?: number;
  /**
   * An absolute, signed download URL of a stored result, or null when the app has no public address
   * (PUBLIC_URL). Results past Telegram's upload limit go to the user as this link instead.
   */
  publicFileUrl?: (file: StoredFile) => string | null;
  /** Telegram's Bot API takes uploads of up to 50 MB; a test sets it lower. */
  uploadLimitBytes?: number;
}

/**
 * The user bot's Api for deliveries alone, with its retries (./telegram-retries.ts): a 429 waits its turn
 * inside the job, a send is never repeated on an answer nobody saw. The notify job must not share it: it
 * moves a rate-limited job back instead of waiting.
 */
export function createDeliveryApi(token: string, apiRoot: string): Api {
  const api = new Api(token, { apiRoot });
  api.config.use(telegramRetries());
  return api;
}

const TELEGRAM_UPLOAD_LIMIT_BYTES = 50 * 1024 * 1024;

/** Telegram's caption limit is 1,024 characters; the prompt is cut to leave room for the model's name. */
const CAPTION_PROMPT_MAX = 900;

const cut = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/** The chat can no longer receive anything from the bot: blocked, deleted, or never started. */
const isUnreachable = (error: unknown) =>
  error instanceof GrammyError &&
  (error.error_code === 403 || (error.error_code === 400 && /chat not found/i.test(error.description)));

/** An edit that changes nothing, or of a message the user deleted: the status is cosmetic, go on. */
const isHarmlessEditError = (error: unknown) =>
  error instanceof GrammyError &&
  error.error_code === 400 &&
  /not modified|message to edit not found|can't be edited/i.test(error.description);

/**
 * Delivery through the user bot: the status message (sent by the bot when the request was accepted) is
 * edited as the job moves, and the result is uploaded as photo / video / audio, or as a document for an
 * SVG (Telegram would rasterize a vector sent as a photo) and anything else. Each method sends one message
 * or makes one edit; the engine journals the messages (core/ai/generation/send-once.ts).
 */
export function createTelegramDelivery(deps: TTelegramDeliveryDeps): TGenerationDelivery {
  const interval = deps.minEditIntervalMs ?? 3_000;
  // Per request in this process: a restarted worker edits once more, which is harmless.
  const lastEdit = new Map<bigint, { at: number; text: string }>();
  const translate =
    (request: AiRequest): TTranslate =>
    (key, args) =>
      deps.translator.t(request.language, key, args);
  const modelName = (request: AiRequest) => findCatalogModel(request.modelId)?.displayName ?? request.modelId;

  // Every new message answers the status message, so each result sits under its own request.
  const replyTo = (request: AiRequest) =>
    request.statusMessageId === null
      ? {}
      : { reply_parameters: { message_id: request.statusMessageId, allow_sending_without_reply: true } };

  const editStatus = async (request: AiRequest, text: string) => {
    if (request.chatId === null || request.statusMessageId === null) return;
    try {
      await deps.api.editMessageText(request.chatId.toString(), request.statusMessageId, text);
    } catch (error) {
      if (!isHarmlessEditError(error) && !isUnreachable(error)) throw error;
    }
  };

  const send = (request: AiRequest, bytes: Buffer, name: string, mimeType: string, caption: string) => {
    const chat = request.chatId?.toString() ?? '';
    const file = new InputFile(bytes, name);
    const options = { caption, ...replyTo(request) };
    const type = bareMimeType(mimeType);
    if (type === 'image/svg+xml') return deps.api.sendDocument(chat, file, options);
    // Telegram refuses photos past 10 MB or with extreme sides; the same picture still goes as a file.
    if (type.startsWith('image/'))
      return deps.api.sendPhoto(chat, file, options).catch((error: unknown) => {
        if (!(error instanceof GrammyError) || error.error_code !== 400 || isUnreachable(error)) throw error;
        return deps.api.sendDocument(chat, new InputFile(bytes, name), options);
      });
    if (type.startsWith('video/'))
      return deps.api.sendVideo(chat, file, { ...options, supports_streaming: true });
    if (type.startsWith('audio/')) return deps.api.sendAudio(chat, file, options);
    return deps.api.sendDocument(chat, file, options);
  };

  // Too big to upload: the caption, the size and a button to the signed download.
  const sendLink = (request: AiRequest, url: string, caption: string, size: number) => {
    const t = translate(request);
    const text = `${caption}\n\n${t('generate-result-too-large', { sizeMb: Math.ceil(size / 1024 / 1024) })}`;
    return deps.api.sendMessage(request.chatId?.toString() ?? '', text, {
      reply_markup: new InlineKeyboard().url(t('generate-result-download'), url),
      ...replyTo(request),
    });
  };

  // One new message: its id, `undeliverable` when nobody can receive it (the user is marked as having blocked
  // the bot), or MessageNotSent when Telegram refused it, so the journal knows a retry may send it.
  const sendNew = async (request: AiRequest, call: () => Promise<Message>): Promise<TSent> => {
    try {
      return { messageId: (await call()).message_id };
    } catch (error) {
      if (isUnreachable(error)) {
        await deps.db.user.updateMany({
          where: { id: request.userId, botBlockedAt: null },
          data: { botBlockedAt: new Date() },
        });
        return 'undeliverable';
      }
      if (wasNotSent(error))
        throw new MessageNotSent(error instanceof Error ? error.message : String(error), { cause: error });
      throw error;
    }
  };

  const resultLink = (result: TResult) => {
    const uploadLimit = deps.uploadLimitBytes ?? TELEGRAM_UPLOAD_LIMIT_BYTES;
    return result.bytes.length > uploadLimit ? (deps.publicFileUrl?.(result.file) ?? null) : null;
  };

  return {
    async progress(request, percent) {
      const text = statusText.working(translate(request), modelName(request), percent);
      const last = lastEdit.get(request.id);
      if (last && (last.text === text || Date.now() - last.at < interval)) return;
      lastEdit.set(request.id, { at: Date.now(), text });
      try {
        await editStatus(request, text);
      } catch (error) {
        // A progress edit that fails (a 429 past auto-retry) is skipped: the next poll tries again.
        deps.logger.debug({ requestId: request.id.toString(), err: String(error) }, 'progress edit failed');
      }
    },

    // One message: the upload, or the link when the file is past Telegram's upload limit.
    resultParts: () => 1,

    sendResult(request, result) {
      const model = modelName(request);
      const caption = request.prompt
        ? translate(request)('generate-result-caption', {
            model,
            prompt: cut(request.prompt, CAPTION_PROMPT_MAX),
          })
        : model;
      const link = resultLink(result);
      return sendNew(request, () =>
        link
          ? sendLink(request, link, caption, result.bytes.length)
          : send(request, result.bytes, result.file.name, result.file.mimeType, caption),
      );
    },

    sendResultNote(request, result) {
      const t = translate(request);
      const model = modelName(request);
      const link = deps.publicFileUrl?.(result.file) ?? null;
      const chat = request.chatId?.toString() ?? '';
      return sendNew(request, () =>
        link
          ? deps.api.sendMessage(chat, t('generate-result-note', { model }), {
              reply_markup: new InlineKeyboard().url(t('generate-result-download'), link),
              ...replyTo(request),
            })
          : deps.api.sendMessage(chat, t('generate-result-note-gallery', { model }), replyTo(request)),
      );
    },

    async showOutcome(request) {
      lastEdit.delete(request.id);
      const t = translate(request);
      const text =
        request.status === 'succeeded'
          ? statusText.done(t, modelName(request), priceArgs(request.charged, request.language))
          : statusText.failed(t, modelName(request));
      await editStatus(request, text);
    },

    sendFailure(request) {
      const t = translate(request);
      const code = request.errorCode as keyof typeof FAILURE_KEYS | null;
      const key = (code && FAILURE_KEYS[code]) || FAILURE_KEYS.internal;
      return sendNew(request, () =>
        deps.api.sendMessage(
          request.chatId?.toString() ?? '',
          t(key, { model: modelName(request) }),
          replyTo(request),
        ),
      );
    },
  };
}
