import type { MessageEntity } from 'grammy/types';
import { z } from 'zod';

/**
 * Parameter coercion. Bot API parameters arrive as JSON values, or as strings
 * (query string, urlencoded or multipart — where grammY JSON-encodes objects).
 * Telegram accepts both, so each helper accepts the JSON type or its string
 * form.
 */
const INTEGER = /^[-+]?\d+$/;

export function int() {
  return z.preprocess(
    (value) => (typeof value === 'string' && INTEGER.test(value.trim()) ? Number(value) : value),
    z.number().int(),
  );
}

export function bool() {
  return z.preprocess((value) => {
    if (value === 'true' || value === '1') return true;
    if (value === 'false' || value === '0' || value === '') return false;
    return value;
  }, z.boolean());
}

/** Numbers are accepted where strings are expected, as Telegram does (`text: 42` sends "42"). */
export function str() {
  return z.preprocess((value) => (typeof value === 'number' ? String(value) : value), z.string());
}

/** An object or array parameter, possibly JSON-encoded in a string. */
export function json<S extends z.ZodType>(schema: S, error?: string) {
  return z.preprocess((value, ctx) => {
    if (typeof value !== 'string') return value;
    try {
      return JSON.parse(value);
    } catch {
      ctx.addIssue({ code: 'custom', message: error ?? "Bad Request: can't parse JSON object" });
      return z.NEVER;
    }
  }, schema);
}

/** chat_id: an integer id or an "@username" string. */
export function chatId() {
  return z.preprocess(
    (value) => (typeof value === 'string' && INTEGER.test(value.trim()) ? Number(value) : value),
    z.union([z.number().int(), z.string().min(1)], { error: 'Bad Request: chat_id is empty' }),
  );
}

const messageEntitySchema = z.looseObject({
  type: z.string(),
  offset: z.number().int(),
  length: z.number().int(),
  url: z.string().optional(),
  language: z.string().optional(),
  custom_emoji_id: z.string().optional(),
});

/** `entities` / `caption_entities`: explicit entities instead of parse_mode. */
export function entities() {
  return json(z.array(messageEntitySchema), "Bad Request: can't parse entities JSON object").transform(
    // Shape checked above; the Bot API type is a union keyed by `type`.
    (list) => list as unknown as MessageEntity[],
  );
}

export const replyParametersSchema = json(
  z.object({
    message_id: int(),
    chat_id: chatId().optional(),
    allow_sending_without_reply: bool().optional(),
    quote: z.string().optional(),
  }),
  "Bad Request: can't parse reply parameters JSON object",
);

export const linkPreviewOptionsSchema = json(
  z.object({
    is_disabled: z.boolean().optional(),
    url: z.string().optional(),
    prefer_small_media: z.boolean().optional(),
    prefer_large_media: z.boolean().optional(),
    show_above_text: z.boolean().optional(),
  }),
);

/** Parameters every send method shares (reply target, notification flags). */
export const sendOptions = {
  chat_id: chatId(),
  message_thread_id: int().optional(),
  disable_notification: bool().optional(),
  protect_content: bool().optional(),
  reply_parameters: replyParametersSchema.optional(),
  // Pre-7.0 reply parameters, still accepted by Telegram.
  reply_to_message_id: int().optional(),
  allow_sending_without_reply: bool().optional(),
};
