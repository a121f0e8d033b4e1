import { z } from 'zod/mini';
import { ZFileIdSchema } from './files.ts';

// Shared by server/routes/miniapp/tasks.ts and the Mini App's task pages (miniapp/src/api/tasks.ts). Token
// amounts are decimal strings (bigints in the ledger); ids are decimal strings except file ids.
//
// Materials are uploaded first (POST /api/files, see contracts/files.ts), then attached by file id.

const ZIdSchema = z.string().check(z.regex(/^\d{1,19}$/));
const ZDecimalSchema = z.string().check(z.regex(/^\d{1,30}$/));

export const ZTaskStatusSchema = z.enum(['draft', 'running', 'succeeded', 'failed']);
export type TTaskStatus = z.infer<typeof ZTaskStatusSchema>;

export const ZRunStatusSchema = z.enum(['queued', 'running', 'succeeded', 'failed', 'canceled']);
export type TRunStatus = z.infer<typeof ZRunStatusSchema>;

export const ZMaterialKindSchema = z.enum(['video', 'audio', 'image']);
export type TMaterialKind = z.infer<typeof ZMaterialKindSchema>;

/** Scalar model options as the models take them: `seconds` (a number), `aspect` ("16:9" …). */
const ZParamsSchema = z.record(z.string(), z.union([z.string(), z.number(), z.boolean()]));
export type TTaskParams = z.infer<typeof ZParamsSchema>;

/** A video model a task can use, with what it costs now and the options it offers. */
export const ZTaskModelSchema = z.object({
  id: z.string(),
  name: z.string(),
  price: ZDecimalSchema,
  seconds: z.array(z.number()),
  aspects: z.array(z.string()),
});
export type TTaskModel = z.infer<typeof ZTaskModelSchema>;

/** GET /api/tasks/models: the video models switched on and served here, catalog order. */
export const ZTaskModelsSchema = z.object({ models: z.array(ZTaskModelSchema) });
export type TTaskModels = z.infer<typeof ZTaskModelsSchema>;

/** A stored file behind a material or a result: `url` to show it, `downloadUrl` to save it (signed, 1 h). */
export const ZTaskFileSchema = z.object({
  id: ZFileIdSchema,
  name: z.string(),
  mimeType: z.string(),
  size: z.number(),
  url: z.string(),
  downloadUrl: z.string(),
  urlExpiresAt: z.string(),
});
export type TTaskFile = z.infer<typeof ZTaskFileSchema>;

export const ZTaskMaterialSchema = z.object({
  id: ZIdSchema,
  kind: ZMaterialKindSchema,
  position: z.number(),
  /** Null once the upload is no longer stored: replace it before running. */
  file: z.nullable(ZTaskFileSchema),
});
export type TTaskMaterial = z.infer<typeof ZTaskMaterialSchema>;

export const ZTaskRunSchema = z.object({
  id: ZIdSchema,
  status: ZRunStatusSchema,
  /** 0–100 where the provider reports it. */
  progress: z.number(),
  /** Reserved at the start; `charged` is what was taken on delivery (0 for a failed run). */
  price: ZDecimalSchema,
  charged: ZDecimalSchema,
  /** Why a run failed (content_refused, provider_failed, timeout …). */
  errorCode: z.nullable(z.string()),
  createdAt: z.string(),
  finishedAt: z.nullable(z.string()),
  /** The video, until its file expires. */
  result: z.nullable(ZTaskFileSchema),
});
export type TTaskRun = z.infer<typeof ZTaskRunSchema>;

const ZTaskCoreSchema = z.object({
  id: ZIdSchema,
  title: z.string(),
  modelId: z.string(),
  modelName: z.string(),
  status: ZTaskStatusSchema,
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const ZTaskSummarySchema = z.extend(ZTaskCoreSchema, {
  materialCount: z.number(),
  lastRun: z.nullable(z.object({ id: ZIdSchema, status: ZRunStatusSchema, progress: z.number() })),
});
export type TTaskSummary = z.infer<typeof ZTaskSummarySchema>;

/** GET /api/tasks: the user's tasks, newest first. */
export const ZTaskListSchema = z.object({ tasks: z.array(ZTaskSummarySchema) });
export type TTaskList = z.infer<typeof ZTaskListSchema>;

/** GET /api/tasks/:id, and the answer of every change to a task. */
export const ZTaskDetailsSchema = z.object({
  task: z.extend(ZTaskCoreSchema, { prompt: z.string(), params: ZParamsSchema }),
  materials: z.array(ZTaskMaterialSchema),
  /** Newest first, the latest twenty. */
  runs: z.array(ZTaskRunSchema),
  /** How many materials of each kind a task may hold. */
  limits: z.object({ video: z.number(), audio: z.number(), image: z.number() }),
});
export type TTaskDetails = z.infer<typeof ZTaskDetailsSchema>;

/** The server's limits (core/video-tasks/task-rules.ts, core/ai/generation), for the form's `maxLength`. */
export const TASK_TITLE_MAX = 80;
export const TASK_PROMPT_MAX = 2_000;

export const ZCreateTaskSchema = z.object({
  title: z.string().check(z.minLength(1), z.maxLength(200)),
  modelId: z.string().check(z.minLength(1), z.maxLength(64)),
  prompt: z.optional(z.string().check(z.maxLength(4_000))),
  params: z.optional(ZParamsSchema),
});
export type TCreateTask = z.infer<typeof ZCreateTaskSchema>;

export const ZEditTaskSchema = z.object({
  title: z.optional(z.string().check(z.minLength(1), z.maxLength(200))),
  prompt: z.optional(z.string().check(z.maxLength(4_000))),
  params: z.optional(ZParamsSchema),
});
export type TEditTask = z.infer<typeof ZEditTaskSchema>;

/** POST /api/tasks/:id/materials: an upload of the user's; `kind` is checked against it when given. */
export const ZAddMaterialSchema = z.object({
  fileId: ZFileIdSchema,
  kind: z.optional(ZMaterialKindSchema),
});
export type TAddMaterial = z.infer<typeof ZAddMaterialSchema>;

/** PUT /api/tasks/:id/materials/:materialId: another upload of the same kind in its place. */
export const ZReplaceMaterialSchema = z.object({ fileId: ZFileIdSchema });
export type TReplaceMaterial = z.infer<typeof ZReplaceMaterialSchema>;

/** GET /api/tasks/:id/quote: what a run costs now, next to what the user can spend. */
export const ZTaskQuoteSchema = z.object({
  modelId: z.string(),
  price: ZDecimalSchema,
  available: z.string().check(z.regex(/^-?\d{1,30}$/)),
  enough: z.boolean(),
  runnable: z.boolean(),
});
export type TTaskQuote = z.infer<typeof ZTaskQuoteSchema>;

/**
 * POST /api/tasks/:id/runs: run, or regenerate a task that ran before. `expectedPrice` is the price the user
 * confirmed; a different live price is refused (TASK_PRICE_CHANGED) rather than charged.
 */
export const ZStartRunSchema = z.object({ expectedPrice: z.optional(ZDecimalSchema) });
export type TStartRun = z.infer<typeof ZStartRunSchema>;

export const ZStartedRunSchema = z.object({ run: ZTaskRunSchema, regenerate: z.boolean() });
export type TStartedRun = z.infer<typeof ZStartedRunSchema>;
