import { Composer } from 'grammy';
import { progressDeps } from '#bots/admin/broadcast-progress-message.ts';
import { broadcastAction } from '#bots/admin/callbacks.ts';
import { BROADCAST_CONVERSATION } from '#bots/admin/conversations/broadcast.ts';
import type { AdminBotContext } from '#bots/shared/context.ts';
import type { BotDeps } from '#bots/shared/deps.ts';
import { assertCan } from '#core/accounts/staff.ts';
import { cancelBroadcast } from '#core/broadcasts/cancel-broadcast.ts';
import { pauseBroadcast } from '#core/broadcasts/pause-broadcast.ts';
import { refreshBroadcastProgress } from '#core/broadcasts/refresh-progress.ts';
import { resumeBroadcast } from '#core/broadcasts/resume-broadcast.ts';

const ACTIONS = { pause: pauseBroadcast, resume: resumeBroadcast, cancel: cancelBroadcast };
const DONE_KEYS = { pause: 'broadcast-paused', resume: 'broadcast-resumed', cancel: 'broadcast-canceled' };

/** `/broadcast` starts composing; Pause / Resume / Cancel under a progress message control a running one. */
export function broadcastFeature(deps: BotDeps) {
  const feature = new Composer<AdminBotContext>();

  feature.command('broadcast', async (ctx) => {
    assertCan(ctx.staff, 'broadcast.send');
    await ctx.conversation.exitAll();
    await ctx.conversation.enter(BROADCAST_CONVERSATION);
  });

  feature.callbackQuery(broadcastAction.pattern, async (ctx) => {
    const action = broadcastAction.decode(ctx.callbackQuery.data);
    if (!action) return ctx.answerCallbackQuery({ text: ctx.t('button-expired') });
    const result = await ACTIONS[action.action](
      { db: deps.db, queue: deps.notifyQueue },
      { staff: ctx.staff, broadcastId: action.broadcastId },
    );
    await ctx.answerCallbackQuery({
      text: result.changed
        ? ctx.t(DONE_KEYS[action.action])
        : ctx.t('broadcast-unchanged', { status: ctx.t(`broadcast-status-${result.broadcast.status}`) }),
    });
    await refreshBroadcastProgress(
      progressDeps({ ...deps, keyPrefix: deps.notifyQueue.opts.prefix ?? 'bull', api: ctx.api }),
      { broadcastId: action.broadcastId, force: true },
    );
  });

  return feature;
}
