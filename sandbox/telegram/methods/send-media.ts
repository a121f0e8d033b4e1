import { z } from 'zod';
import { assertCanSend, resolveChat, resolveReplyTarget } from '#sandbox/telegram/bot-api/chat-access.ts';
import {
  defineMethod,
  type MethodContext,
  type MethodTable,
} from '#sandbox/telegram/bot-api/define-method.ts';
import { resolveInputFile } from '#sandbox/telegram/bot-api/input-file.ts';
import { type MediaAttributes, mediaContent, mediaInfo } from '#sandbox/telegram/bot-api/media-content.ts';
import { postBotMessage } from '#sandbox/telegram/bot-api/outgoing.ts';
import { bool, entities, int, sendOptions, str } from '#sandbox/telegram/bot-api/params.ts';
import { replyMarkupSchema } from '#sandbox/telegram/bot-api/reply-markup-schema.ts';
import { formatCaption } from '#sandbox/telegram/formatting/format-text.ts';
import type { MediaKind } from '#sandbox/telegram/types.ts';

const captionOptions = {
  ...sendOptions,
  caption: str().optional(),
  parse_mode: z.string().optional(),
  caption_entities: entities().optional(),
  show_caption_above_media: bool().optional(),
  has_spoiler: bool().optional(),
  reply_markup: replyMarkupSchema.optional(),
};

type CaptionParams = z.output<z.ZodObject<typeof captionOptions>>;

async function sendMedia(
  ctx: MethodContext,
  kind: MediaKind,
  params: CaptionParams,
  file: string | undefined,
  attributes: MediaAttributes,
) {
  const conversation = resolveChat(ctx, params.chat_id);
  assertCanSend(ctx, conversation);
  const caption = formatCaption({
    text: params.caption ?? '',
    parseMode: params.parse_mode,
    entities: params.caption_entities,
    resolveUser: (id) => ctx.state.users.get(id),
  });
  const replyTo = resolveReplyTarget(conversation, params);
  const stored = await resolveInputFile(ctx, kind, kind, file);
  return postBotMessage(ctx, conversation, {
    content: {
      ...mediaContent(stored, attributes),
      ...(caption ? { caption: caption.text } : {}),
      ...(caption && caption.entities.length > 0 ? { caption_entities: caption.entities } : {}),
    },
    media: mediaInfo(stored, attributes),
    replyTo,
    replyMarkup: params.reply_markup,
  });
}

/**
 * sendPhoto / sendDocument / sendAudio / sendVideo / sendVoice. The file
 * parameter is optional in the schema because a multipart upload may carry
 * it as a file part instead of a field (see resolveInputFile).
 */
export const sendMediaMethods: MethodTable = {
  sendPhoto: defineMethod(z.object({ ...captionOptions, photo: str().optional() }), (params, ctx) =>
    sendMedia(ctx, 'photo', params, params.photo, {}),
  ),
  sendDocument: defineMethod(
    z.object({
      ...captionOptions,
      document: str().optional(),
      disable_content_type_detection: bool().optional(),
    }),
    (params, ctx) => sendMedia(ctx, 'document', params, params.document, {}),
  ),
  sendAudio: defineMethod(
    z.object({
      ...captionOptions,
      audio: str().optional(),
      duration: int().optional(),
      performer: str().optional(),
      title: str().optional(),
    }),
    (params, ctx) =>
      sendMedia(ctx, 'audio', params, params.audio, {
        duration: params.duration,
        performer: params.performer,
        title: params.title,
      }),
  ),
  sendVideo: defineMethod(
    z.object({
      ...captionOptions,
      video: str().optional(),
      duration: int().optional(),
      width: int().optional(),
      height: int().optional(),
      supports_streaming: bool().optional(),
    }),
    (params, ctx) =>
      sendMedia(ctx, 'video', params, params.video, {
        duration: params.duration,
        width: params.width,
        height: params.height,
      }),
  ),
  sendVoice: defineMethod(
    z.object({ ...captionOptions, voice: str().optional(), duration: int().optional() }),
    (params, ctx) => sendMedia(ctx, 'voice', params, params.voice, { duration: params.duration }),
  ),
};
