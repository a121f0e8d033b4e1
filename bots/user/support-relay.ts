import { GrammyError } from 'grammy';
import type { UserBotContext } from '#bots/shared/context.ts';
import type { BotDeps } from '#bots/shared/deps.ts';
import { fullName } from '#bots/shared/format.ts';

/**
 * Forwards the user's message to the support chat and remembers which user each forwarded message belongs
 * to: users who hide their account in forwards arrive as "hidden user", so the mapping is the only way back.
 */
export async function forwardToSupport(ctx: UserBotContext, deps: BotDeps): Promise<void> {
  const supportChat = deps.config.SUPPORT_CHAT_ID;
  const message = ctx.message;
  const account = ctx.account;
  if (!message || !account) return;
  if (supportChat === undefined) {
    await ctx.reply(ctx.t('support-unavailable'));
    return;
  }
  const chatId = supportChat.toString();
  const forwarded = await ctx.api.forwardMessage(chatId, message.chat.id, message.message_id);
  const staffText = (key: string, args: Record<string, string>) =>
    deps.translator.t(deps.config.SUPPORT_LANGUAGE, key, args);
  const from = staffText('support-from', {
    name: fullName(account),
    id: account.id.toString(),
    language: account.language,
  });
  // A banned user can only reach support (their appeal): staff see the ban and its reason at once.
  const banned =
    account.status === 'banned'
      ? staffText('support-from-banned', { reason: account.banReason ?? '—' })
      : null;
  const info = await ctx.api.sendMessage(chatId, banned ? `${from}\n${banned}` : from, {
    reply_parameters: { message_id: forwarded.message_id },
  });
  await deps.db.supportMessage.createMany({
    data: [forwarded.message_id, info.message_id].map((supportMessageId) => ({
      supportChatId: supportChat,
      supportMessageId,
      userId: account.id,
    })),
    skipDuplicates: true,
  });
  await ctx.reply(ctx.t('support-sent'));
}

/** A reply in the support chat to a forwarded message is copied to the user it came from. */
export async function relaySupportReply(ctx: UserBotContext, deps: BotDeps): Promise<void> {
  const message = ctx.message;
  const repliedTo = message?.reply_to_message;
  if (!message || !repliedTo || deps.config.SUPPORT_CHAT_ID === undefined) return;
  const link = await deps.db.supportMessage.findUnique({
    where: {
      supportChatId_supportMessageId: {
        supportChatId: deps.config.SUPPORT_CHAT_ID,
        supportMessageId: repliedTo.message_id,
      },
    },
    include: { user: { select: { language: true } } },
  });
  if (!link) return;
  const userChat = link.userId.toString();
  try {
    await ctx.api.sendMessage(userChat, deps.translator.t(link.user.language, 'support-reply'));
    await ctx.api.copyMessage(userChat, message.chat.id, message.message_id);
  } catch (error) {
    if (!(error instanceof GrammyError) || error.error_code !== 403) throw error;
    await deps.db.user.update({ where: { id: link.userId }, data: { botBlockedAt: new Date() } });
    await ctx.reply(deps.translator.t(deps.config.SUPPORT_LANGUAGE, 'support-user-blocked'), {
      reply_parameters: { message_id: message.message_id },
    });
  }
}
