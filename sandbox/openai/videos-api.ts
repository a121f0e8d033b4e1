// OpenAI's Videos API (Sora): POST /v1/videos (multipart, as the SDK sends it, or JSON),
// GET /v1/videos, GET|DELETE /v1/videos/{id}, GET /v1/videos/{id}/content.
//
// Simplifications: every job's video is the same small MP4 (fixtures/sample-video.mp4: 320x180,
// 2 s, H.264, 18 KB) whatever `size` and `seconds` say. It was made once, so tests need no ffmpeg:
//   ffmpeg -f lavfi -i testsrc2=size=320x180:rate=24:duration=2 -c:v libx264 -preset veryslow
//     -crf 38 -pix_fmt yuv420p -profile:v baseline -movflags +faststart sample-video.mp4
// The `thumbnail` and `spritesheet` variants are PNGs of the job's size (OpenAI sends WebP and
// JPEG); `input_reference` is accepted and ignored; remix, edit, extend and characters are not
// implemented. Asking for the content of a job that has not completed answers 404, which is a guess
// at OpenAI's behaviour, not a documented fact.
import { z } from 'zod';
import { bodyFields, type TIncomingBody } from './incoming-body.ts';
import { modelNotFound, openAiError, type TOpenAiReply, validationError } from './openai-errors.ts';
import { parseImageSize, renderPromptImage } from './prompt-image.ts';
import type { VideoJobs } from './video-jobs.ts';

export type TVideosContext = {
  knownModel(model: string): boolean;
  jobs: VideoJobs;
  videoBytes: Buffer;
  durationMs(): number;
  failJobs(): boolean;
};

const ZVideoRequestSchema = z.looseObject({
  prompt: z.string().min(1),
  model: z.string().min(1).default('sora-2'),
  seconds: z.enum(['4', '8', '12']).default('4'),
  size: z.enum(['720x1280', '1280x720', '1024x1792', '1792x1024']).default('720x1280'),
});

const ZListQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  after: z.string().optional(),
  order: z.enum(['asc', 'desc']).default('desc'),
});

export function handleVideos(
  ctx: TVideosContext,
  method: string,
  path: string,
  query: URLSearchParams,
  body: TIncomingBody,
): TOpenAiReply | undefined {
  const [id, sub, ...rest] = path.replace(/^\/v1\/videos\/?/, '').split('/');
  if (rest.length > 0) return undefined;
  if (!id) {
    if (method === 'POST') return createVideo(ctx, body);
    if (method === 'GET') return listVideos(ctx, query);
    return undefined;
  }
  const job = ctx.jobs.get(id);
  if (sub === undefined && method === 'GET') return job ? json(ctx.jobs.json(job)) : notFound(id);
  if (sub === undefined && method === 'DELETE') {
    if (!job || !ctx.jobs.delete(id)) return notFound(id);
    return json({ id, object: 'video.deleted', deleted: true });
  }
  if (sub === 'content' && method === 'GET') {
    if (!job) return notFound(id);
    if (ctx.jobs.status(job).status !== 'completed') {
      return openAiError(404, `Video ${id} is not ready: its status is ${ctx.jobs.status(job).status}.`);
    }
    const variant = query.get('variant') ?? 'video';
    if (variant === 'video')
      return { kind: 'bytes', status: 200, contentType: 'video/mp4', bytes: ctx.videoBytes };
    if (variant === 'thumbnail' || variant === 'spritesheet') {
      const size = parseImageSize(job.size) ?? { width: 720, height: 1280 };
      const png = renderPromptImage(`${job.prompt}\n${variant}`, size.width, size.height);
      return { kind: 'bytes', status: 200, contentType: 'image/png', bytes: png };
    }
    return openAiError(400, `Invalid value: '${variant}'.`, { param: 'variant', code: 'invalid_value' });
  }
  return undefined;
}

function createVideo(ctx: TVideosContext, body: TIncomingBody): TOpenAiReply {
  const fields = bodyFields(body);
  const parsed = ZVideoRequestSchema.safeParse(fields);
  if (!parsed.success) return validationError(parsed.error, fields);
  const request = parsed.data;
  if (!ctx.knownModel(request.model)) return modelNotFound(request.model);
  const job = ctx.jobs.create({
    model: request.model,
    prompt: request.prompt,
    seconds: request.seconds,
    size: request.size,
    durationMs: ctx.durationMs(),
    fails: ctx.failJobs(),
  });
  return json(ctx.jobs.json(job));
}

function listVideos(ctx: TVideosContext, query: URLSearchParams): TOpenAiReply {
  const parsed = ZListQuerySchema.safeParse(Object.fromEntries(query));
  if (!parsed.success) return validationError(parsed.error, Object.fromEntries(query));
  const { limit, after, order } = parsed.data;
  const all = order === 'desc' ? ctx.jobs.list() : ctx.jobs.list().reverse();
  const start = after === undefined ? 0 : all.findIndex((job) => job.id === after) + 1;
  const page = all.slice(start, start + limit).map((job) => ctx.jobs.json(job));
  return json({
    object: 'list',
    data: page,
    first_id: page[0]?.id ?? null,
    last_id: page.at(-1)?.id ?? null,
    has_more: start + limit < all.length,
  });
}

function json(body: unknown): TOpenAiReply {
  return { kind: 'json', status: 200, body };
}

function notFound(id: string): TOpenAiReply {
  return openAiError(404, `Video with id '${id}' not found.`, { param: 'video_id' });
}
