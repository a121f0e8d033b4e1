import { type Api, GrammyError, InlineKeyboard } from 'grammy';
import { renderBroadcastProgress } from '#core/broadcasts/broadcast-progress.ts';
import type { TProgressDeps } from '#core/broadcasts/refresh-progress.ts';
import type { PrismaClient } from '#core/db/create-prisma.ts';
import type { Broadcast } from '#core/db/generated/client.ts';
import type { TLang, Translator } from '#core/i18n/translator.ts';
import type { Redis } from '#core/redis/create-redis.ts';
import { broadcastAction } from './callbacks.ts';

/** The progress message with the buttons that apply to the broadcast's state now. */
export function progressMessage(translator: Translator, lang: TLang, broadcast: Broadcast) {
  const view = renderBroadcastProgress(translator, lang, broadcast);
  const keyboard = new InlineKeyboard();
  for (const action of view.actions) {
    keyboard.text(
      translator.t(lang, `broadcast-button-${action}`),
      broadcastAction.encode({ action, broadcastId: broadcast.id.toString() }),
    );
  }
  // No buttons left (done, canceled): an edit without reply_markup removes the keyboard.
  return { text: view.text, keyboard: view.actions.length > 0 ? keyboard : undefined };
}

/**
 * What the admin bot and the notify worker both pass to refreshBroadcastProgress: it edits the admin's
 * progress message through the admin bot's Api, in the language of the admin who started the broadcast.
 * `keyPrefix` is the notify queue's prefix on both sides, so their throttle and lock keys meet.
 */
export function progressDeps(deps: {
  db: PrismaClient;
  redis: Redis;
  keyPrefix: string;
  api: Api;
  translator: Translator;
}): TProgressDeps {
  return {
    db: deps.db,
    redis: deps.redis,
    keyPrefix: deps.keyPrefix,
    async edit(broadcast) {
      if (!broadcast.progressChatId || !broadcast.progressMessageId) return;
      const admin = await deps.db.user.findUnique({
        where: { id: broadcast.createdById },
        select: { language: true },
      });
      const { text, keyboard } = progressMessage(deps.translator, admin?.language ?? 'en', broadcast);
      try {
        await deps.api.editMessageText(
          broadcast.progressChatId.toString(),
          broadcast.progressMessageId,
          text,
          {
            parse_mode: 'HTML',
            reply_markup: keyboard,
          },
        );
      } catch (error) {
        // Two refreshes that find the same counts: Telegram refuses the identical edit, and that is fine.
        if (!(error instanceof GrammyError && error.description.includes('message is not modified')))
          throw error;
      }
    },
  };
}
