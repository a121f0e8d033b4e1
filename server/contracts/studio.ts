import { z } from 'zod/mini';
import { DIALOG_TITLE_MAX, SYSTEM_PROMPT_MAX } from '#core/ai/dialogs/dialog-rules.ts';
import { ZFileIdSchema, ZStoredFileViewSchema } from './files.ts';

// Shared by server/routes/miniapp/studio/ and the Mini App's studio pages (miniapp/src/api/studio.ts).
// Token amounts are decimal strings (bigints in the ledger); ids are decimal strings except file ids.

export { DIALOG_TITLE_MAX, SYSTEM_PROMPT_MAX };

/** Telegram's limit for a text message; the chat service holds the Mini App to the same (CHAT_MESSAGE_MAX). */
export const CHAT_TEXT_MAX = 4_096;

const ZIdSchema = z.string().check(z.regex(/^\d{1,19}$/));
const ZDecimalSchema = z.string().check(z.regex(/^\d{1,30}$/));
const ZLimitSchema = z.string().check(z.regex(/^\d{1,3}$/));

export const ZStudioKindSchema = z.enum(['text', 'image', 'video', 'audio', 'tool']);
export type TStudioKind = z.infer<typeof ZStudioKindSchema>;

/** The kinds that make a file (the gallery's filters, the generate page). */
export const ZResultKindSchema = z.enum(['image', 'video', 'audio', 'tool']);
export type TResultKind = z.infer<typeof ZResultKindSchema>;

const ZParamValueSchema = z.union([z.string(), z.number(), z.boolean()]);
export type TParamValue = z.infer<typeof ZParamValueSchema>;

/** One option of a generating model (`size`, `seconds`, `aspect`, `voice`, `instrumental`, `scale`). */
export const ZModelOptionSchema = z.object({
  name: z.string(),
  values: z.array(ZParamValueSchema),
  default: ZParamValueSchema,
});
export type TModelOption = z.infer<typeof ZModelOptionSchema>;

export const ZStudioModelSchema = z.object({
  id: z.string(),
  kind: ZStudioKindSchema,
  /** Brand names are not translated. */
  name: z.string(),
  /** Tokens per request (per message for text models) as charged now. */
  price: ZDecimalSchema,
  /** The text model subscribers keep at zero balance. */
  freeForSubscribers: z.boolean(),
  /** Null for text models; what the generate page asks for otherwise. */
  generation: z.nullable(
    z.object({
      /** `none`: the model works on a picture alone (upscale, background removal). */
      prompt: z.enum(['required', 'none']),
      promptMax: z.number(),
      /** A photo to work on, uploaded first through POST /api/files. */
      inputImage: z.boolean(),
      options: z.array(ZModelOptionSchema),
    }),
  ),
});
export type TStudioModel = z.infer<typeof ZStudioModelSchema>;

/** GET /api/studio/models: models switched on and served here, catalog order, with the user's balance. */
export const ZStudioModelsSchema = z.object({
  models: z.array(ZStudioModelSchema),
  /** Tokens the user can spend now (balance minus holds of running requests). */
  available: ZDecimalSchema,
  /** Subscribers chat with the free model at zero balance; an unlimited day makes text models free. */
  subscriber: z.boolean(),
  unlimitedUntil: z.nullable(z.string()),
  /** Generations left this hour (images, video, audio, tools), shown before a model is picked. */
  quota: z.object({
    tier: z.enum(['free', 'basic', 'premium']),
    limit: z.number(),
    remaining: z.number(),
    /** When the next generation fits, once none remain; null otherwise. */
    retryAt: z.nullable(z.string()),
    /** The hourly limit a plan gives (said to the free tier). */
    planLimit: z.number(),
  }),
});
export type TStudioModels = z.infer<typeof ZStudioModelsSchema>;

// ─── Dialogs ────────────────────────────────────────────────────────────────

export const ZStudioDialogSchema = z.object({
  id: ZIdSchema,
  /** Empty until the first message names it. */
  title: z.string(),
  modelId: z.string(),
  modelName: z.string(),
  /** The model's price per message now. */
  price: ZDecimalSchema,
  systemPrompt: z.nullable(z.string()),
  historyEnabled: z.boolean(),
  messageCount: z.number(),
  /** The dialog the bot's chat writes to. */
  active: z.boolean(),
  updatedAt: z.string(),
});
export type TStudioDialog = z.infer<typeof ZStudioDialogSchema>;

export const ZStudioDialogListSchema = z.object({ dialogs: z.array(ZStudioDialogSchema) });
export type TStudioDialogList = z.infer<typeof ZStudioDialogListSchema>;

const ZTitleSchema = z.string().check(
  z.maxLength(200),
  z.refine((title) => title.trim().length > 0, 'title_empty'),
);
const ZSystemPromptSchema = z.nullable(z.string().check(z.maxLength(SYSTEM_PROMPT_MAX)));

/** POST /api/studio/dialogs: every field optional (GPT-4o mini, history on, named after the first message). */
export const ZCreateDialogSchema = z.object({
  title: z.optional(ZTitleSchema),
  modelId: z.optional(z.string().check(z.maxLength(64))),
  systemPrompt: z.optional(ZSystemPromptSchema),
  historyEnabled: z.optional(z.boolean()),
});
export type TCreateDialog = z.infer<typeof ZCreateDialogSchema>;

/** PATCH /api/studio/dialogs/:id: what changes; `systemPrompt: null` (or blank) clears the prompt. */
export const ZUpdateDialogSchema = z.object({
  title: z.optional(ZTitleSchema),
  modelId: z.optional(z.string().check(z.maxLength(64))),
  systemPrompt: z.optional(ZSystemPromptSchema),
  historyEnabled: z.optional(z.boolean()),
});
export type TUpdateDialog = z.infer<typeof ZUpdateDialogSchema>;

export const ZDialogMessageSchema = z.object({
  id: ZIdSchema,
  role: z.enum(['user', 'assistant']),
  /** The model's replies are Markdown; render it as text, never as HTML. */
  content: z.string(),
  /** Tokens charged for this reply (0 for the user's own messages and free replies). */
  tokensUsed: ZDecimalSchema,
  createdAt: z.string(),
});
export type TDialogMessage = z.infer<typeof ZDialogMessageSchema>;

export const MESSAGES_PAGE_MAX = 50;

/** GET /api/studio/dialogs/:id/messages?before=<id>&limit=<n>: the latest page first. */
export const ZDialogMessagesQuerySchema = z.object({
  before: z.optional(ZIdSchema),
  limit: z.optional(ZLimitSchema),
});
export type TDialogMessagesQuery = z.infer<typeof ZDialogMessagesQuerySchema>;

export const ZDialogMessagesSchema = z.object({
  /** Oldest first within the page. */
  messages: z.array(ZDialogMessageSchema),
  /** Pass as `before` for the earlier page; null when this page reaches the start of the dialog. */
  nextBefore: z.nullable(ZIdSchema),
});
export type TDialogMessages = z.infer<typeof ZDialogMessagesSchema>;

// ─── Chat (Server-Sent Events) ──────────────────────────────────────────────
//
// POST /api/studio/dialogs/:id/messages with `{ text }` answers `text/event-stream` once the message is
// accepted (the dialog is the user's, no other reply of theirs is running); refusals before that are JSON
// errors (400, 404, 409 CHAT_BUSY). The stream then carries `delta` events (the reply's next piece), and
// ends with one `done` (the stored messages and the charge) or one `failure` (nothing was charged).

export const ZSendMessageSchema = z.object({
  text: z.string().check(z.minLength(1), z.maxLength(CHAT_TEXT_MAX)),
});
export type TSendMessage = z.infer<typeof ZSendMessageSchema>;

export const ZChatDeltaSchema = z.object({ text: z.string() });
export type TChatDelta = z.infer<typeof ZChatDeltaSchema>;

export const ZChatDoneSchema = z.object({
  userMessage: ZDialogMessageSchema,
  message: ZDialogMessageSchema,
  /** Tokens captured for the reply: 0 on an unlimited day or a subscriber's free model. */
  charged: ZDecimalSchema,
  mode: z.enum(['balance', 'unlimited', 'subscriber']),
  /** The dialog after the reply (its title, when this was the first message). */
  dialog: ZStudioDialogSchema,
  available: ZDecimalSchema,
});
export type TChatDone = z.infer<typeof ZChatDoneSchema>;

export const ZChatFailureSchema = z.object({
  code: z.string(),
  /**
   * Localized. Every failure of the reply itself says that nothing was charged; `REPLY_NOT_SHOWN` (stored and
   * charged, but the final event could not be built) says to reopen the dialog.
   */
  message: z.string(),
});
export type TChatFailure = z.infer<typeof ZChatFailureSchema>;

export type TChatEvent =
  | { event: 'delta'; data: TChatDelta }
  | { event: 'done'; data: TChatDone }
  | { event: 'failure'; data: TChatFailure };

// ─── Results: files, gallery, generations ───────────────────────────────────

/** A result file: a stored file's view plus `downloadUrl` to save it; both URLs signed until `urlExpiresAt`. */
export const ZResultFileSchema = z.extend(ZStoredFileViewSchema, { downloadUrl: z.string() });
export type TResultFile = z.infer<typeof ZResultFileSchema>;

export const GALLERY_PAGE_MAX = 48;

export const ZGalleryQuerySchema = z.object({
  kind: z.optional(ZResultKindSchema),
  before: z.optional(ZIdSchema),
  limit: z.optional(ZLimitSchema),
});
export type TGalleryQuery = z.infer<typeof ZGalleryQuerySchema>;

export const ZGalleryItemSchema = z.object({
  /** The request's id: also what GET /api/studio/generations/:id takes. */
  id: ZIdSchema,
  kind: ZStudioKindSchema,
  modelId: z.string(),
  modelName: z.string(),
  prompt: z.string(),
  charged: ZDecimalSchema,
  createdAt: z.string(),
  file: ZResultFileSchema,
});
export type TGalleryItem = z.infer<typeof ZGalleryItemSchema>;

export const ZGallerySchema = z.object({
  items: z.array(ZGalleryItemSchema),
  nextBefore: z.nullable(ZIdSchema),
});
export type TGallery = z.infer<typeof ZGallerySchema>;

/** POST /api/studio/generations. `expectedPrice`: the price the user confirmed (409 PRICE_CHANGED if not). */
export const ZStartGenerationSchema = z.object({
  modelId: z.string().check(z.maxLength(64)),
  prompt: z.string().check(z.maxLength(5_000)),
  params: z.optional(z.record(z.string(), ZParamValueSchema)),
  inputFileIds: z.optional(z.array(ZFileIdSchema).check(z.maxLength(1))),
  expectedPrice: z.optional(ZDecimalSchema),
});
export type TStartGeneration = z.infer<typeof ZStartGenerationSchema>;

export const ZGenerationStatusSchema = z.enum(['queued', 'running', 'succeeded', 'failed', 'canceled']);
export type TGenerationStatus = z.infer<typeof ZGenerationStatusSchema>;

export const ZGenerationSchema = z.object({
  id: ZIdSchema,
  kind: ZStudioKindSchema,
  modelId: z.string(),
  modelName: z.string(),
  prompt: z.string(),
  status: ZGenerationStatusSchema,
  /** 0–100 where the provider reports it; 100 once the result is stored. */
  progress: z.number(),
  /** Reserved when accepted; `charged` is what was taken on delivery (0 unless succeeded). */
  price: ZDecimalSchema,
  charged: ZDecimalSchema,
  errorCode: z.nullable(z.string()),
  /** Localized reason of a failure; it says nothing was charged. */
  failureMessage: z.nullable(z.string()),
  createdAt: z.string(),
  finishedAt: z.nullable(z.string()),
  /** Set once succeeded, until the file expires. */
  result: z.nullable(ZResultFileSchema),
});
export type TGeneration = z.infer<typeof ZGenerationSchema>;

// ─── Usage ──────────────────────────────────────────────────────────────────

export const USAGE_DAYS_DEFAULT = 30;

/** GET /api/studio/usage?days=<1–90>. */
export const ZUsageQuerySchema = z.object({ days: z.optional(z.string().check(z.regex(/^\d{1,2}$/))) });

export const ZUsageSchema = z.object({
  /** Days are UTC days (`YYYY-MM-DD`), oldest first, every day of the span. */
  from: z.string(),
  to: z.string(),
  days: z.array(z.object({ day: z.string(), tokens: ZDecimalSchema, requests: z.number() })),
  /** Most tokens first. */
  models: z.array(
    z.object({
      modelId: z.string(),
      name: z.string(),
      kind: ZStudioKindSchema,
      tokens: ZDecimalSchema,
      requests: z.number(),
    }),
  ),
  total: z.object({ tokens: ZDecimalSchema, requests: z.number() }),
});
export type TUsage = z.infer<typeof ZUsageSchema>;
