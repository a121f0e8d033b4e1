import { Composer, InputFile } from 'grammy';
import type { UserBotContext } from '#bots/shared/context.ts';
import type { BotDeps } from '#bots/shared/deps.ts';
import { speakReply } from '#bots/user/chat/chat-callbacks.ts';
import { chatFailureView } from '#bots/user/chat/chat-failure.ts';
import type { TTr } from '#bots/user/chat/dialog-views.ts';
import { replyInChat, type TReplyInput } from '#bots/user/chat/reply-in-chat.ts';
import type { TStreamPacing } from '#bots/user/chat/streaming-reply.ts';
import { acquireReplyLock } from '#core/ai/chat/reply-lock.ts';
import { speakDialogMessage } from '#core/ai/chat/speak-message.ts';

const SPEAK_LOCK_MS = 60_000;

/** Telegram plays OGG/Opus as a voice message; anything else goes out as an audio file. */
const isVoiceAudio = (mimeType: string) => /^audio\/(ogg|opus)\b/i.test(mimeType);
const AUDIO_EXTENSIONS: Record<string, string> = {
  'audio/mpeg': 'mp3',
  'audio/mp3': 'mp3',
  'audio/wav': 'wav',
  'audio/x-wav': 'wav',
  'audio/aac': 'aac',
  'audio/flac': 'flac',
};

/**
 * Chat with AI models: a private text message that is not a command, or a voice message, goes to the
 * active dialog and the reply streams in; 🔊 under a reply voices it.
 *
 * One reply per chat at a time: a message sent while a reply is still streaming is refused with a note to
 * send it again (the chat's lock is in Redis, so this holds across replicas). The reply runs outside the
 * update's handler, so the chat's other updates (buttons, /dialogs) are not held up behind a long reply,
 * and a webhook is answered at once instead of after the whole reply.
 */
export function chatFeature(deps: BotDeps, opts: { pacing?: TStreamPacing } = {}) {
  const feature = new Composer<UserBotContext>();
  const chats = feature.chatType('private');
  const prefix = deps.config.REDIS_PREFIX;

  const start = async (ctx: UserBotContext, input: TReplyInput) => {
    const account = ctx.account;
    const chatId = ctx.chat?.id;
    if (!account || chatId === undefined) return;
    const tr: TTr = (key, args) => deps.translator.t(account.language, key, args);
    const lock = await acquireReplyLock(deps.redis, prefix, chatId);
    if (!lock) {
      await ctx.reply(tr('chat-busy'));
      return;
    }
    const log = ctx.log;
    const reply = replyInChat(
      {
        db: deps.db,
        ai: deps.ai,
        apiRoot: deps.config.TELEGRAM_API_ROOT,
        api: ctx.api,
        chatId,
        userId: account.id,
        lang: account.language,
        tr,
        log,
        advertisedPromos: deps.config.WELCOME_PROMO_CODES,
        pacing: opts.pacing,
      },
      input,
    )
      .catch((error: unknown) => log.error({ err: String(error), chatId }, 'chat reply crashed'))
      .finally(() =>
        lock
          .release()
          .catch((error: unknown) => log.warn({ err: String(error), chatId }, 'chat lock release failed')),
      );
    void (deps.background ? deps.background.track(reply) : reply);
  };

  chats.on('message:text', async (ctx, next) => {
    if (ctx.message.text.startsWith('/')) return next();
    await start(ctx, { text: ctx.message.text });
  });
  chats.on('message:voice', (ctx) => start(ctx, { voiceFileId: ctx.message.voice.file_id }));

  chats.callbackQuery(speakReply.pattern, async (ctx) => {
    const choice = speakReply.decode(ctx.callbackQuery.data);
    const account = ctx.account;
    if (!choice || !account) return ctx.answerCallbackQuery({ text: ctx.t('button-expired') });
    const tr: TTr = (key, args) => deps.translator.t(account.language, key, args);
    // A double tap must not pay twice for the same audio.
    const key = `${prefix}:chat-speak:${choice.id}`;
    if ((await deps.redis.set(key, '1', 'PX', SPEAK_LOCK_MS, 'NX')) !== 'OK')
      return ctx.answerCallbackQuery({ text: tr('chat-speak-busy') });
    try {
      await ctx.answerCallbackQuery({ text: tr('chat-speak-working') });
      await ctx.replyWithChatAction('upload_voice');
      const spoken = await speakDialogMessage(deps, {
        userId: account.id,
        messageId: choice.id,
        source: 'bot',
        language: account.language,
        chatId: BigInt(ctx.chat.id),
      });
      const caption = spoken.truncated ? tr('chat-speak-truncated') : undefined;
      const replyTo = ctx.callbackQuery.message?.message_id;
      const reply_parameters = replyTo
        ? { message_id: replyTo, allow_sending_without_reply: true }
        : undefined;
      const { bytes, mimeType } = spoken.audio;
      if (isVoiceAudio(mimeType)) {
        await ctx.replyWithVoice(new InputFile(bytes, 'reply.ogg'), { caption, reply_parameters });
      } else {
        const extension = AUDIO_EXTENSIONS[mimeType.split(';')[0]?.trim().toLowerCase() ?? ''] ?? 'mp3';
        await ctx.replyWithAudio(new InputFile(bytes, `reply.${extension}`), { caption, reply_parameters });
      }
    } catch (error) {
      ctx.log.warn({ err: String(error) }, 'voicing a reply failed');
      const view = chatFailureView(tr, account.language, error, 'chat-speak-failed');
      await ctx.reply(view.text, {
        parse_mode: 'HTML',
        reply_markup: view.keyboard,
      });
    } finally {
      await deps.redis.del(key);
    }
  });
  return feature;
}
