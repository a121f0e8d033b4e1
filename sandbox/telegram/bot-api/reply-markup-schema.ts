import type { ForceReply, InlineKeyboardButton, InlineKeyboardMarkup, KeyboardButton } from 'grammy/types';
import { z } from 'zod';
import type { ReplyMarkup } from '#sandbox/telegram/types.ts';

/**
 * reply_markup validation with Telegram's own error texts for the mistakes
 * bots really make: a JSON that is none of the four markup kinds, inline
 * buttons without an action, and callback_data over 64 bytes.
 */
const CANT_PARSE = "Bad Request: can't parse reply keyboard markup JSON object";

const INLINE_ACTIONS = [
  'url',
  'callback_data',
  'web_app',
  'login_url',
  'switch_inline_query',
  'switch_inline_query_current_chat',
  'switch_inline_query_chosen_chat',
  'copy_text',
  'callback_game',
  'pay',
] as const;

const inlineButtonSchema = z
  .looseObject({
    text: z.string({
      error: 'Bad Request: can\'t parse inline keyboard button: Field "text" must be of type String',
    }),
    url: z.string().optional(),
    callback_data: z.string().optional(),
  })
  .superRefine((button, ctx) => {
    const actions = INLINE_ACTIONS.filter((key) => button[key] !== undefined);
    if (actions.length === 0) {
      ctx.addIssue({
        code: 'custom',
        message:
          "Bad Request: can't parse inline keyboard button: Text buttons are unallowed in the inline keyboard",
      });
    }
    if (button.callback_data !== undefined && Buffer.byteLength(button.callback_data) > 64) {
      ctx.addIssue({ code: 'custom', message: 'Bad Request: BUTTON_DATA_INVALID' });
    }
    if (button.text === '')
      ctx.addIssue({ code: 'custom', message: 'Bad Request: text buttons are unallowed' });
  })
  // Validated above; the Bot API type is a union keyed by the action field.
  .transform((button) => button as unknown as InlineKeyboardButton);

const inlineKeyboardSchema = z.object({
  inline_keyboard: z.array(z.array(inlineButtonSchema), {
    error: 'Bad Request: field "inline_keyboard" must be of type Array',
  }),
});

const keyboardButtonSchema = z.union([
  z.string(),
  z
    .looseObject({ text: z.string() })
    .transform((button) => button as unknown as Exclude<KeyboardButton, string>),
]);

const replyKeyboardSchema = z.object({
  keyboard: z.array(z.array(keyboardButtonSchema), {
    error: 'Bad Request: field "keyboard" must be of type Array',
  }),
  is_persistent: z.boolean().optional(),
  resize_keyboard: z.boolean().optional(),
  one_time_keyboard: z.boolean().optional(),
  input_field_placeholder: z.string().optional(),
  selective: z.boolean().optional(),
});

const removeKeyboardSchema = z.object({
  remove_keyboard: z.literal(true),
  selective: z.boolean().optional(),
});

const forceReplySchema = z.object({
  force_reply: z.literal(true),
  input_field_placeholder: z.string().optional(),
  selective: z.boolean().optional(),
});

function firstMessage(error: z.ZodError): string {
  const message = error.issues[0]?.message ?? CANT_PARSE;
  return message.startsWith('Bad Request: ') ? message : CANT_PARSE;
}

function parseMarkup(value: unknown, ctx: z.RefinementCtx): ReplyMarkup {
  const fail = (message: string) => {
    ctx.addIssue({ code: 'custom', message });
    return z.NEVER;
  };
  let raw = value;
  if (typeof raw === 'string') {
    try {
      raw = JSON.parse(raw);
    } catch {
      return fail(CANT_PARSE);
    }
  }
  if (typeof raw !== 'object' || raw === null) return fail(CANT_PARSE);
  if ('inline_keyboard' in raw) {
    const parsed = inlineKeyboardSchema.safeParse(raw);
    return parsed.success ? (parsed.data satisfies InlineKeyboardMarkup) : fail(firstMessage(parsed.error));
  }
  if ('keyboard' in raw) {
    const parsed = replyKeyboardSchema.safeParse(raw);
    return parsed.success ? parsed.data : fail(firstMessage(parsed.error));
  }
  if ('remove_keyboard' in raw) {
    const parsed = removeKeyboardSchema.safeParse(raw);
    return parsed.success ? parsed.data : fail(firstMessage(parsed.error));
  }
  if ('force_reply' in raw) {
    const parsed = forceReplySchema.safeParse(raw);
    return parsed.success ? (parsed.data satisfies ForceReply) : fail(firstMessage(parsed.error));
  }
  return fail(CANT_PARSE);
}

/** Any reply_markup kind, as an object or JSON string. */
export const replyMarkupSchema = z.unknown().transform(parseMarkup);

/** Only inline keyboards (edit methods). */
export const inlineMarkupSchema = z.unknown().transform((value, ctx): InlineKeyboardMarkup => {
  const markup = parseMarkup(value, ctx);
  if (markup && !('inline_keyboard' in markup)) {
    ctx.addIssue({ code: 'custom', message: 'Bad Request: inline keyboard expected' });
    return z.NEVER;
  }
  return markup as InlineKeyboardMarkup;
});
