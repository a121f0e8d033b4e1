import type { Conversation } from '@grammyjs/conversations';
import { type Context, InlineKeyboard } from 'grammy';
import type { InlineKeyboardButton } from 'grammy/types';
import { photoForUserBot } from '#bots/admin/broadcast-photo.ts';
import { progressDeps } from '#bots/admin/broadcast-progress-message.ts';
import { composeChoice, type TComposeChoice } from '#bots/admin/callbacks.ts';
import { messageHtml } from '#bots/admin/message-html.ts';
import { attempt } from '#bots/shared/attempt.ts';
import type { AdminBotContext } from '#bots/shared/context.ts';
import type { BotDeps } from '#bots/shared/deps.ts';
import {
  createBroadcast,
  parseBroadcastButton,
  type TBroadcastButton,
  ZBroadcastContentSchema,
} from '#core/broadcasts/create-broadcast.ts';
import { refreshBroadcastProgress } from '#core/broadcasts/refresh-progress.ts';
import { countSegmentUsers, type TSegmentTarget } from '#core/broadcasts/segment-users.ts';
import { startBroadcast } from '#core/broadcasts/start-broadcast.ts';
import type { TTranslateArgs } from '#core/i18n/translator.ts';

export const BROADCAST_CONVERSATION = 'broadcast';

type TConversation = Conversation<AdminBotContext, Context>;
/** JSON only: conversation state lives in Redis. `text` is Telegram HTML; photos by the admin and user bot ids. */
type TDraft = { text: string; adminPhoto?: string; userPhoto?: string };
/** What one update means to a step: finished with a value, or an answer and wait for the next update. */
type TStep<T> = { done: true; value: T } | { done: false; answer?: string };
const done = <T>(value: T): TStep<T> => ({ done: true, value });
const wait = (answer?: string): { done: false; answer?: string } => ({ done: false, answer });

const SEGMENT_ROWS: TComposeChoice[][] = [
  ['all', 'paid_ever'],
  ['active_7d', 'never_paid'],
  ['language'],
  ['unfinished_signup'],
  ['vpn_active', 'vpn_trial'],
  ['vpn_expiring', 'vpn_expired'],
  ['vpn_never_connected'],
];
const PLAIN_SEGMENTS = [
  'all',
  'paid_ever',
  'active_7d',
  'never_paid',
  'unfinished_signup',
  'vpn_active',
  'vpn_trial',
  'vpn_expired',
  'vpn_never_connected',
] as const;
/** "Ends within N days" for the VPN reminder segment: tomorrow, in three days, within the week. */
const EXPIRING_DAYS = { days_1: 1, days_3: 3, days_7: 7 } as const;
const isDaysChoice = (choice: TComposeChoice | null): choice is keyof typeof EXPIRING_DAYS =>
  choice !== null && choice in EXPIRING_DAYS;
const isPlainSegment = (choice: TComposeChoice | null): choice is (typeof PLAIN_SEGMENTS)[number] =>
  PLAIN_SEGMENTS.some((s) => s === choice);

/**
 * `/broadcast`: content (text or photo with caption) → optional URL button → segment → preview exactly as users
 * will see it with the recipient count → confirm. Confirming creates and starts the broadcast and posts the
 * live progress message that the notify worker keeps up to date.
 */
export function createBroadcastConversation(deps: BotDeps) {
  return async function broadcast(conversation: TConversation, ctx: Context) {
    const lang = await conversation.external((outer) => outer.lang);
    const t = (key: string, args?: TTranslateArgs) => deps.translator.t(lang, key, args);
    const button = (key: string, choice: TComposeChoice): InlineKeyboardButton.CallbackButton =>
      InlineKeyboard.text(t(key), composeChoice.encode({ choice }));
    const cancel = button('admin-button-cancel', 'cancel');
    const ask = (key: string, rows: InlineKeyboardButton[][]) =>
      ctx.reply(t(key), { parse_mode: 'HTML', reply_markup: InlineKeyboard.from([...rows, [cancel]]) });
    const step = <T>(handle: (next: Context, choice: TComposeChoice | null) => Promise<TStep<T>>) =>
      waitStep(conversation, t, handle);

    await ask('broadcast-ask-content', []);
    const draft = await step<TDraft>(async (next) => {
      const message = next.message;
      const photo = message?.photo?.at(-1)?.file_id;
      const text = photo
        ? messageHtml(message?.caption ?? '', message?.caption_entities)
        : messageHtml(message?.text ?? '', message?.entities);
      if (!ZBroadcastContentSchema.safeParse({ text, photo }).success)
        return wait(t('broadcast-content-invalid'));
      if (!photo) return done({ text });
      const userPhoto = await conversation.external(async (outer) => {
        try {
          return await photoForUserBot(deps.config, outer.api, {
            adminFileId: photo,
            adminChatId: outer.chat?.id ?? 0,
          });
        } catch (error) {
          outer.log.warn({ err: String(error) }, 'broadcast photo could not be handed to the user bot');
          return null;
        }
      });
      return userPhoto
        ? done({ text, adminPhoto: photo, userPhoto })
        : wait(t('broadcast-photo-unavailable'));
    });
    if (draft === 'cancel') return;

    await ask('broadcast-ask-button', [[button('broadcast-button-skip', 'skip')]]);
    const urlButton = await step<TBroadcastButton | null>(async (next, choice) => {
      if (choice === 'skip') return done(null);
      const parsed = parseBroadcastButton(next.message?.text ?? '');
      return parsed ? done(parsed) : wait(t('broadcast-button-invalid'));
    });
    if (urlButton === 'cancel') return;

    const segmentRows = SEGMENT_ROWS.map((row) => row.map((s) => button(`broadcast-segment-${s}`, s)));
    let chosen: { target: TSegmentTarget; count: number } | null = null;
    while (!chosen) {
      await ask('broadcast-ask-segment', segmentRows);
      const target = await step<TSegmentTarget>(async (next, choice) => {
        if (choice === 'language') {
          await next.editMessageText(t('broadcast-ask-language'), {
            reply_markup: InlineKeyboard.from([
              [button('language-name-ru', 'lang_ru'), button('language-name-en', 'lang_en')],
              [cancel],
            ]),
          });
          return wait();
        }
        if (choice === 'vpn_expiring') {
          await next.editMessageText(t('broadcast-ask-vpn-days'), {
            reply_markup: InlineKeyboard.from([
              (['days_1', 'days_3', 'days_7'] as const).map((d) =>
                InlineKeyboard.text(
                  t('broadcast-vpn-days', { days: EXPIRING_DAYS[d] }),
                  composeChoice.encode({ choice: d }),
                ),
              ),
              [cancel],
            ]),
          });
          return wait();
        }
        if (isDaysChoice(choice)) return done({ segment: 'vpn_expiring', days: EXPIRING_DAYS[choice] });
        if (choice === 'lang_ru' || choice === 'lang_en')
          return done({ segment: 'language', language: choice === 'lang_ru' ? 'ru' : 'en' });
        if (isPlainSegment(choice)) return done({ segment: choice });
        return wait(t('broadcast-use-buttons'));
      });
      if (target === 'cancel') return;
      const count = await conversation.external(() => countSegmentUsers(deps.db, target));
      if (count > 0) chosen = { target, count };
      else await ctx.reply(t('broadcast-segment-empty'));
    }

    await ctx.reply(t('broadcast-preview-title'));
    const markup = urlButton ? new InlineKeyboard().url(urlButton.text, urlButton.url) : undefined;
    if (draft.adminPhoto)
      await ctx.replyWithPhoto(draft.adminPhoto, {
        caption: draft.text || undefined,
        parse_mode: 'HTML',
        reply_markup: markup,
      });
    else
      await ctx.reply(draft.text, {
        parse_mode: 'HTML',
        reply_markup: markup,
        link_preview_options: { is_disabled: true },
      });
    const { target, count } = chosen;
    const segmentName =
      target.segment === 'language'
        ? `${t('broadcast-segment-language')}: ${t(`language-name-${target.language}`)}`
        : target.segment === 'vpn_expiring'
          ? `${t('broadcast-segment-vpn_expiring')}: ${t('broadcast-vpn-days', { days: target.days ?? 0 })}`
          : t(`broadcast-segment-${target.segment}`);
    // The count already leaves these people out; saying so keeps a smaller-than-expected number from
    // looking like a bug, and warns before a message goes to people who never accepted the terms.
    const excluded = t(
      target.segment === 'unfinished_signup'
        ? 'broadcast-preview-unfinished-warning'
        : 'broadcast-preview-excluded',
    );
    await ctx.reply(t('broadcast-preview-summary', { segment: segmentName, count, excluded }), {
      parse_mode: 'HTML',
      reply_markup: InlineKeyboard.from([[button('broadcast-button-confirm', 'confirm'), cancel]]),
    });
    const confirmed = await step<true>(async (_next, choice) =>
      choice === 'confirm' ? done(true) : wait(t('broadcast-use-buttons')),
    );
    if (confirmed === 'cancel') return;

    await conversation.external(async (outer) => {
      // The confirmation is used up whatever happens next: a second press cannot start a second broadcast.
      await outer.editMessageReplyMarkup();
      const content = { text: draft.text, photo: draft.userPhoto, button: urlButton ?? undefined };
      const created = await attempt(() => createBroadcast(deps.db, { staff: outer.staff, content, target }));
      if (!created.ok) {
        await outer.reply(t(created.code === 'FORBIDDEN' ? 'error-forbidden' : 'error-invalid-input'));
        return;
      }
      const progress = await outer.reply(t('broadcast-starting'));
      const broadcastId = created.value.id;
      await startBroadcast(
        { db: deps.db, queue: deps.notifyQueue },
        {
          staff: outer.staff,
          broadcastId,
          progress: { chatId: BigInt(progress.chat.id), messageId: progress.message_id },
        },
      );
      await refreshBroadcastProgress(
        progressDeps({ ...deps, keyPrefix: deps.notifyQueue.opts.prefix ?? 'bull', api: outer.api }),
        { broadcastId, force: true },
      );
    });
  };
}

/**
 * Waits until `handle` finishes the step. Cancel ends the conversation; a command or another feature's button
 * (a progress message's Pause, a user card) passes through to the rest of the bot.
 */
async function waitStep<T>(
  conversation: TConversation,
  t: (key: string) => string,
  handle: (next: Context, choice: TComposeChoice | null) => Promise<TStep<T>>,
): Promise<T | 'cancel'> {
  for (;;) {
    const next = await conversation.wait();
    const choice = composeChoice.decode(next.callbackQuery?.data ?? '')?.choice ?? null;
    if (choice === 'cancel') {
      await next.answerCallbackQuery();
      await next.editMessageReplyMarkup();
      await next.reply(t('cancelled'));
      return 'cancel';
    }
    if (next.message?.text?.startsWith('/') || (next.callbackQuery && !choice))
      await conversation.skip({ next: true });
    const result = await handle(next, choice);
    if (result.done) {
      if (next.callbackQuery) await next.answerCallbackQuery();
      return result.value;
    }
    if (next.callbackQuery)
      await next.answerCallbackQuery(result.answer ? { text: result.answer } : undefined);
    else if (result.answer) await next.reply(result.answer, { parse_mode: 'HTML' });
  }
}
