// POST /v1/images/generations and /v1/images/edits. Images are real PNGs from prompt-image.ts; an
// edit lays the prompt's picture over the uploaded one (a 35% tint), so the result is the source photo
// recoloured, at the source's size unless `size` asks for another.
//
// Simplifications: every size from 1x1 to 4096x4096 is accepted (OpenAI allows a few per model, but
// tests want tiny images); `output_format` jpeg/webp still yields PNG bytes; `quality`, `style`,
// `background` and masks are accepted and ignored. As with OpenAI, GPT image models always answer
// with `b64_json` and DALL·E models default to `url`, here served by the stand-in at /files/<id>.
import { createHash } from 'node:crypto';
import sharp from 'sharp';
import { z } from 'zod';
import type { ServedFiles } from '#sandbox/http-stand-in/served-files.ts';
import { bodyFields, bodyFiles, type TIncomingBody } from './incoming-body.ts';
import {
  modelNotFound,
  openAiError,
  type TOpenAiReply,
  type TParsed,
  validationError,
} from './openai-errors.ts';
import { encodePng } from './png-encoder.ts';
import { MAX_IMAGE_SIDE, parseImageSize, promptPixels, renderPromptImage } from './prompt-image.ts';

export type TImagesContext = {
  knownModel(model: string): boolean;
  files: ServedFiles;
  fileUrl(id: string): string;
};

// Multipart fields arrive as text, JSON ones as numbers: both are read.
const ZCountSchema = z.coerce.number().int().min(1).max(10);

const ZImageRequestSchema = z.looseObject({
  prompt: z.string().min(1).max(32_000),
  model: z.string().min(1).default('dall-e-2'),
  n: ZCountSchema.default(1),
  size: z.string().default('auto'),
  response_format: z.enum(['url', 'b64_json']).nullish(),
});
type TImageRequest = z.infer<typeof ZImageRequestSchema>;

const DEFAULT_SIZE = { width: 1024, height: 1024 };
/** How much of the prompt's picture shows through an edit. */
const EDIT_TINT = 0.35;

export function generateImages(ctx: TImagesContext, body: TIncomingBody): TOpenAiReply {
  const request = parseRequest(ctx, body);
  if (!request.ok) return request.reply;
  const size = requestedSize(request.value.size);
  if (!size.ok) return size.reply;
  const { width, height } = size.value ?? DEFAULT_SIZE;
  const seed = request.value.prompt;
  // The first image depends on the seed alone, so one prompt gives one picture whatever `n` is.
  return imagesReply(ctx, request.value, { width, height }, (i) =>
    renderPromptImage(i === 0 ? seed : `${seed}\n#${i}`, width, height),
  );
}

export async function editImages(ctx: TImagesContext, body: TIncomingBody): Promise<TOpenAiReply> {
  const request = parseRequest(ctx, body);
  if (!request.ok) return request.reply;
  const images = bodyFiles(body, 'image');
  const first = images[0];
  if (first === undefined) {
    return openAiError(400, "Missing required parameter: 'image'.", {
      param: 'image',
      code: 'missing_required_parameter',
    });
  }
  // An edit keeps the source picture's size unless a size is asked for, as photo tools expect.
  const asked = requestedSize(request.value.size);
  if (!asked.ok) return asked.reply;
  const source = await decodeSource(first.bytes);
  if (!source) {
    return openAiError(400, 'Invalid image file or mode for image 1, please check your image file.', {
      param: 'image',
      code: 'invalid_image_file',
    });
  }
  const size = asked.value ?? source;
  if (size.width > MAX_IMAGE_SIDE || size.height > MAX_IMAGE_SIDE) {
    return openAiError(400, `Image is larger than ${MAX_IMAGE_SIDE}x${MAX_IMAGE_SIDE}.`, { param: 'image' });
  }
  const pixels =
    size.width === source.width && size.height === source.height
      ? source.rgb
      : await sharp(source.rgb, { raw: { width: source.width, height: source.height, channels: 3 } })
          .resize(size.width, size.height, { fit: 'fill' })
          .raw()
          .toBuffer();
  const sources = createHash('sha256');
  for (const image of images) sources.update(image.bytes);
  const seed = `${request.value.prompt}\n${sources.digest('hex')}`;
  return imagesReply(ctx, request.value, size, (i) => {
    const tint = promptPixels(i === 0 ? seed : `${seed}\n#${i}`, size.width, size.height);
    const out = Buffer.alloc(pixels.length);
    for (let j = 0; j < out.length; j++) {
      out[j] = Math.round((pixels[j] ?? 0) * (1 - EDIT_TINT) + (tint[j] ?? 0) * EDIT_TINT);
    }
    return encodePng(size.width, size.height, out);
  });
}

/** The upload as upright RGB pixels (PNG, JPEG, WebP, …; transparency flattened onto white). */
async function decodeSource(
  bytes: Buffer,
): Promise<{ rgb: Buffer; width: number; height: number } | undefined> {
  try {
    const { data, info } = await sharp(bytes)
      .rotate()
      .flatten({ background: '#ffffff' })
      .removeAlpha()
      .raw()
      .toBuffer({ resolveWithObject: true });
    return { rgb: data, width: info.width, height: info.height };
  } catch {
    return undefined;
  }
}

function parseRequest(ctx: TImagesContext, body: TIncomingBody): TParsed<TImageRequest> {
  const fields = bodyFields(body);
  const parsed = ZImageRequestSchema.safeParse(fields);
  if (!parsed.success) return { ok: false, reply: validationError(parsed.error, fields) };
  if (!ctx.knownModel(parsed.data.model)) return { ok: false, reply: modelNotFound(parsed.data.model) };
  return { ok: true, value: parsed.data };
}

type TSize = { width: number; height: number };

/** undefined for `auto`; refused when not WIDTHxHEIGHT within bounds. */
function requestedSize(size: string): TParsed<TSize | undefined> {
  if (size === 'auto') return { ok: true, value: undefined };
  const parsed = parseImageSize(size);
  if (
    !parsed ||
    parsed.width < 1 ||
    parsed.height < 1 ||
    parsed.width > MAX_IMAGE_SIDE ||
    parsed.height > MAX_IMAGE_SIDE
  ) {
    const message = `Invalid value: '${size}'. Expected WIDTHxHEIGHT up to ${MAX_IMAGE_SIDE}, or 'auto'.`;
    return { ok: false, reply: openAiError(400, message, { param: 'size', code: 'invalid_value' }) };
  }
  return { ok: true, value: parsed };
}

function imagesReply(
  ctx: TImagesContext,
  request: TImageRequest,
  size: TSize,
  render: (index: number) => Buffer,
): TOpenAiReply {
  const gptImage = request.model.startsWith('gpt-image');
  const format = gptImage ? 'b64_json' : (request.response_format ?? 'url');
  const data = Array.from({ length: request.n }, (_, i) => {
    const png = render(i);
    const item =
      format === 'b64_json'
        ? { b64_json: png.toString('base64') }
        : { url: ctx.fileUrl(ctx.files.add({ bytes: png, contentType: 'image/png' }, 'png')) };
    return request.model === 'dall-e-3' ? { ...item, revised_prompt: request.prompt } : item;
  });
  const body: Record<string, unknown> = { created: Math.floor(Date.now() / 1000), data };
  if (gptImage) {
    const promptTokens = Math.ceil(request.prompt.length / 4);
    // GPT image models bill the picture as tokens; about 1056 for a 1024x1024 one at medium quality.
    const imageTokens = Math.ceil((size.width * size.height) / 1000) * request.n;
    Object.assign(body, {
      background: 'opaque',
      output_format: 'png',
      quality: 'medium',
      size: `${size.width}x${size.height}`,
      usage: {
        input_tokens: promptTokens,
        input_tokens_details: { text_tokens: promptTokens, image_tokens: 0 },
        output_tokens: imageTokens,
        total_tokens: promptTokens + imageTokens,
      },
    });
  }
  return { kind: 'json', status: 200, body };
}
