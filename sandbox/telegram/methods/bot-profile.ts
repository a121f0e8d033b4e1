import type { BotCommand, MenuButton } from 'grammy/types';
import { z } from 'zod';
import { badRequest } from '#sandbox/telegram/bot-api/api-error.ts';
import { resolveChat } from '#sandbox/telegram/bot-api/chat-access.ts';
import { defineMethod, type MethodSpec, type MethodTable } from '#sandbox/telegram/bot-api/define-method.ts';
import { chatId, int, json, str } from '#sandbox/telegram/bot-api/params.ts';
import type { BotRecord } from '#sandbox/telegram/state/bot-record.ts';

const scopeSchema = json(
  z.object({
    type: z.enum([
      'default',
      'all_private_chats',
      'all_group_chats',
      'all_chat_administrators',
      'chat',
      'chat_administrators',
      'chat_member',
    ]),
    chat_id: chatId().optional(),
    user_id: int().optional(),
  }),
  "Bad Request: can't parse BotCommandScope JSON object",
);

const languageCode = str()
  .refine((code) => code === '' || /^[a-z]{2}$/.test(code), {
    message: 'Bad Request: invalid language code specified',
  })
  .optional();

/** Telegram: 1-32 characters, lowercase letters, digits and underscores; description 1-256 characters. */
const commandSchema = z.object({
  command: z.string().regex(/^[a-z0-9_]{1,32}$/, { message: 'Bad Request: BOT_COMMAND_INVALID' }),
  description: z.string().refine((text) => text.trim().length >= 1 && text.length <= 256, {
    message: 'Bad Request: BOT_COMMAND_DESCRIPTION_INVALID',
  }),
});

const commandListSchema = json(
  z.array(commandSchema).max(100, { message: 'Bad Request: too many commands' }),
);

const scopeParams = { scope: scopeSchema.optional(), language_code: languageCode };

/** Commands are stored per (scope, language); getMyCommands reads exactly that slot, like Telegram. */
function commandKey(params: {
  scope?: { type: string; chat_id?: number | string; user_id?: number };
  language_code?: string;
}): string {
  const scope = params.scope ?? { type: 'default' };
  return [scope.type, scope.chat_id ?? '', scope.user_id ?? '', params.language_code ?? ''].join('|');
}

/**
 * The commands a client lists for a user in a chat, by Telegram's rules ("Determining list of commands"):
 * the narrowest scope that has commands wins, and within a scope the user's language wins over none.
 * Administrator scopes are not modelled (the server has no admin rights), so they never apply.
 */
export function commandsForChat(
  bot: BotRecord,
  chat: { id: number; isGroup: boolean },
  user: { id?: number; languageCode?: string },
): BotCommand[] {
  const scopes = chat.isGroup
    ? [
        ...(user.id !== undefined ? [{ type: 'chat_member', chat_id: chat.id, user_id: user.id }] : []),
        { type: 'chat', chat_id: chat.id },
        { type: 'all_group_chats' },
        { type: 'default' },
      ]
    : [{ type: 'chat', chat_id: chat.id }, { type: 'all_private_chats' }, { type: 'default' }];
  for (const scope of scopes) {
    for (const language of user.languageCode ? [user.languageCode, undefined] : [undefined]) {
      const commands = bot.commands.get(commandKey({ scope, language_code: language }));
      if (commands) return commands;
    }
  }
  return [];
}

/** A chat without its own button shows the bot default, which starts as the commands list. */
export function menuButtonForChat(bot: BotRecord, chatId: number | string | undefined): MenuButton {
  const own = chatId === undefined ? undefined : bot.menuButtons.get(String(chatId));
  return own ?? bot.menuButtons.get('default') ?? { type: 'commands' };
}

const menuButtonSchema = json(
  z.discriminatedUnion('type', [
    z.object({ type: z.literal('commands') }),
    z.object({ type: z.literal('default') }),
    z.object({
      type: z.literal('web_app'),
      text: z.string().min(1),
      web_app: z.object({ url: z.string().url() }),
    }),
  ]),
  "Bad Request: can't parse menu button JSON object",
);

/** setMyDescription & co: an empty or omitted text removes the one for that language. */
function textSetting(
  field: 'description' | 'short_description' | 'name',
  maxLength: number,
  pick: (bot: BotRecord) => Map<string, string>,
): { set: MethodSpec; get: MethodSpec } {
  return {
    set: defineMethod(
      // The text arrives under the setting's own name (`description`, `short_description`, `name`).
      z.preprocess(
        (raw) =>
          typeof raw === 'object' && raw !== null
            ? { ...raw, text: (raw as Record<string, unknown>)[field] }
            : raw,
        z.object({ text: str().optional(), language_code: languageCode }),
      ),
      (params, ctx) => {
        const text = params.text ?? '';
        if ([...text].length > maxLength) throw badRequest(`${field} is too long`);
        const store = pick(ctx.bot);
        if (text === '') store.delete(params.language_code ?? '');
        else store.set(params.language_code ?? '', text);
        return true;
      },
    ),
    get: defineMethod(z.object({ language_code: languageCode }), (params, ctx) => ({
      [field]: pick(ctx.bot).get(params.language_code ?? '') ?? '',
    })),
  };
}

const description = textSetting('description', 512, (bot) => bot.descriptions);
const shortDescription = textSetting('short_description', 120, (bot) => bot.shortDescriptions);
const name = textSetting('name', 64, (bot) => bot.names);

export const botProfileMethods: MethodTable = {
  getMe: defineMethod(z.object({}), (_params, ctx) => ctx.bot.me),

  setMyCommands: defineMethod(z.object({ commands: commandListSchema, ...scopeParams }), (params, ctx) => {
    const key = commandKey(params);
    if (params.commands.length === 0) ctx.bot.commands.delete(key);
    else ctx.bot.commands.set(key, params.commands satisfies BotCommand[]);
    return true;
  }),
  getMyCommands: defineMethod(
    z.object(scopeParams),
    (params, ctx) => ctx.bot.commands.get(commandKey(params)) ?? [],
  ),
  deleteMyCommands: defineMethod(z.object(scopeParams), (params, ctx) => {
    ctx.bot.commands.delete(commandKey(params));
    return true;
  }),

  /** Without chat_id the bot-wide default changes; menu buttons exist only in private chats. */
  setChatMenuButton: defineMethod(
    z.object({ chat_id: chatId().optional(), menu_button: menuButtonSchema.optional() }),
    (params, ctx) => {
      let key = 'default';
      if (params.chat_id !== undefined) {
        const conversation = resolveChat(ctx, params.chat_id);
        if (conversation.isGroup) throw badRequest('chat_id must be a private chat');
        key = String(conversation.chat.id);
      }
      const button: MenuButton | undefined = params.menu_button;
      if (!button || button.type === 'default') ctx.bot.menuButtons.delete(key);
      else ctx.bot.menuButtons.set(key, button);
      return true;
    },
  ),
  getChatMenuButton: defineMethod(
    z.object({ chat_id: chatId().optional() }),
    (params, ctx): MenuButton => menuButtonForChat(ctx.bot, params.chat_id),
  ),

  setMyDescription: description.set,
  getMyDescription: description.get,
  setMyShortDescription: shortDescription.set,
  getMyShortDescription: shortDescription.get,
  setMyName: name.set,
  getMyName: name.get,
};
