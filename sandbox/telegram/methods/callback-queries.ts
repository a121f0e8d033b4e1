import { z } from 'zod';
import { badRequest, QUERY_ID_INVALID } from '#sandbox/telegram/bot-api/api-error.ts';
import { defineMethod, type MethodTable } from '#sandbox/telegram/bot-api/define-method.ts';
import { bool, int, str } from '#sandbox/telegram/bot-api/params.ts';
import type { CallbackAnswer } from '#sandbox/telegram/types.ts';

export const callbackQueryMethods: MethodTable = {
  /**
   * A query can be answered once; unknown ids and repeated answers fail with
   * Telegram's QUERY_ID_INVALID description.
   *
   * Simplification: Telegram also expires unanswered queries after some
   * seconds; queries here never expire.
   */
  answerCallbackQuery: defineMethod(
    z.object({
      callback_query_id: str(),
      text: str().optional(),
      show_alert: bool().optional(),
      url: str().optional(),
      cache_time: int().optional(),
    }),
    (params, ctx) => {
      const query = ctx.state.callbacks.get(params.callback_query_id);
      if (!query || query.botId !== ctx.bot.id || query.answer) throw badRequest(QUERY_ID_INVALID);
      if (params.text !== undefined && [...params.text].length > 200) throw badRequest('MESSAGE_TOO_LONG');
      const answer: CallbackAnswer = {
        show_alert: params.show_alert ?? false,
        ...(params.text !== undefined ? { text: params.text } : {}),
        ...(params.url !== undefined ? { url: params.url } : {}),
        ...(params.cache_time !== undefined ? { cache_time: params.cache_time } : {}),
      };
      query.answer = answer;
      ctx.state.events.emit({
        type: 'callback_answered',
        token: ctx.bot.token,
        chat_id: query.chatId,
        callback_query_id: query.id,
        answer,
      });
      return true;
    },
  ),
};
