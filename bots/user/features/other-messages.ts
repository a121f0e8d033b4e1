import { Composer, type FilterQuery, InlineKeyboard } from 'grammy';
import type { UserBotContext } from '#bots/shared/context.ts';
import type { BotDeps } from '#bots/shared/deps.ts';
import { taskLink } from '#core/video-tasks/task-link.ts';

/**
 * Kinds of message a user may send that say something (not service messages such as a pinned message):
 * none of them has a feature, so each gets a pointer to /help. A GIF comes as an `animation` that also
 * carries a `document`, hence its place here, before the documents are looked at.
 */
const OTHER_KINDS: FilterQuery[] = [
  'message:animation',
  'message:sticker',
  'message:location',
  'message:contact',
  'message:poll',
  'message:dice',
  'message:game',
  'message:story',
  'message:paid_media',
  'message:checklist',
];

/** A voice message goes to the AI chat (features/chat.ts); one that reaches here is handled as audio. */
const MEDIA_KINDS: FilterQuery[] = ['message:video', 'message:video_note', 'message:audio', 'message:voice'];

/** Files that a video task takes as materials (core/video-tasks/task-rules.ts: video, audio, image). */
const isMediaFile = (mimeType: string | undefined) => /^(video|audio)\//.test(mimeType ?? '');

/**
 * What no other feature took: videos and audio belong to video tasks, made in the Mini App (a button opens
 * its new-task form); a document gets the list of what the bot takes (pictures of the types the photo tools
 * read were taken before this, by features/photo-tools.ts); anything else gets a pointer to /help. Last in
 * the features list, so it answers only what fell through.
 */
export function otherMessagesFeature(deps: Pick<BotDeps, 'miniAppUrl'>) {
  const feature = new Composer<UserBotContext>();
  const chats = feature.chatType('private');

  // As a reply to the message it is about: several files sent at once each get their own answer.
  const answer = (ctx: UserBotContext, key: string, reply_markup?: InlineKeyboard) =>
    ctx.reply(ctx.t(key), {
      reply_markup,
      reply_parameters: { message_id: ctx.msgId ?? 0, allow_sending_without_reply: true },
    });
  const pointToVideoTasks = (ctx: UserBotContext) => {
    const app = deps.miniAppUrl;
    if (!app) return answer(ctx, 'message-kinds-media-no-app');
    const open = new InlineKeyboard().webApp(ctx.t('message-kinds-media-button'), taskLink(app, 'new'));
    return answer(ctx, 'message-kinds-media', open);
  };

  chats.on(OTHER_KINDS, (ctx) => answer(ctx, 'message-kinds-other'));
  chats.on(MEDIA_KINDS, pointToVideoTasks);
  chats.on('message:document', (ctx) => {
    const type = ctx.message.document.mime_type;
    if (isMediaFile(type)) return pointToVideoTasks(ctx);
    return answer(
      ctx,
      type?.startsWith('image/') ? 'message-kinds-image-document' : 'message-kinds-document',
    );
  });
  return feature;
}
