import type { ChatFullInfo, ChatMember } from 'grammy/types';
import { z } from 'zod';
import { badRequest } from '#sandbox/telegram/bot-api/api-error.ts';
import { assertCanSend, resolveChat } from '#sandbox/telegram/bot-api/chat-access.ts';
import { defineMethod, type MethodTable } from '#sandbox/telegram/bot-api/define-method.ts';
import { chatId, int, str } from '#sandbox/telegram/bot-api/params.ts';

const CHAT_ACTIONS = new Set([
  'typing',
  'upload_photo',
  'record_video',
  'upload_video',
  'record_voice',
  'upload_voice',
  'upload_document',
  'choose_sticker',
  'find_location',
  'record_video_note',
  'upload_video_note',
]);

/** Defaults of a fresh account as getChat reports them. */
const FULL_INFO_DEFAULTS = {
  accent_color_id: 0,
  max_reaction_count: 11,
  accepted_gift_types: {
    unlimited_gifts: false,
    limited_gifts: false,
    unique_gifts: false,
    premium_subscription: false,
    gifts_from_channels: false,
  },
};

export const chatMethods: MethodTable = {
  getChat: defineMethod(z.object({ chat_id: chatId() }), (params, ctx): ChatFullInfo => {
    const { chat } = resolveChat(ctx, params.chat_id);
    return { ...chat, ...FULL_INFO_DEFAULTS };
  }),

  /**
   * Membership as the server models it: users and bots in a group are plain
   * members, both sides of a private chat are members.
   * Simplification: no administrators, owners or restrictions.
   */
  getChatMember: defineMethod(z.object({ chat_id: chatId(), user_id: int() }), (params, ctx): ChatMember => {
    const conversation = resolveChat(ctx, params.chat_id);
    const user = ctx.state.users.get(params.user_id) ?? ctx.state.bots.get(params.user_id)?.user;
    if (!user) throw badRequest('user not found');
    const isMember = conversation.memberUserIds.has(user.id) || conversation.memberBotIds.has(user.id);
    return isMember ? { status: 'member', user } : { status: 'left', user };
  }),

  /**
   * Shows "typing…" and the like in the client; only observable through the
   * event stream here. Chat actions are not messages, so they do not count
   * against the flood limits.
   */
  sendChatAction: defineMethod(
    z.object({ chat_id: chatId(), action: str(), message_thread_id: int().optional() }),
    (params, ctx) => {
      const conversation = resolveChat(ctx, params.chat_id);
      assertCanSend(ctx, conversation);
      if (!CHAT_ACTIONS.has(params.action)) throw badRequest('wrong parameter action in request');
      ctx.state.events.emit({
        type: 'chat_action',
        ...ctx.state.scope(conversation, ctx.bot.id),
        action: params.action,
      });
      return true;
    },
  ),
};
