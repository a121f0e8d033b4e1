import { randomUUID } from 'node:crypto';
import OpenAI, { toFile } from 'openai';
import { z } from 'zod';
import { isContentRefusalCode, saysContentRefused } from './content-refusal.ts';
import { keyFingerprint } from './key-fingerprint.ts';
import { fromOpenAiError } from './openai-error.ts';
import { ProviderError } from './provider-error.ts';
import type { TOperation } from './provider-routes.ts';
import type {
  TBinaryOutput,
  TChatChunk,
  TChatRequest,
  TGenerationProvider,
  TGenerationRequest,
  TGenerationState,
  TSpeechProvider,
  TTextProvider,
} from './provider-types.ts';
import { MAX_OUTPUT_BYTES, mimeTypeOf, readOutput } from './read-output.ts';

export interface TOpenAiCompatibleOptions {
  baseUrl: string;
  apiKey: string;
  timeoutMs: number;
  maxOutputBytes?: number;
  /** The SDK's HTTP calls (tests answer them in process). */
  fetch?: typeof fetch;
}

// Only what the providers' APIs read: the SDK sends whatever it is given, and an unknown field is a 400.
const ZChatChunkSchema = z.object({
  choices: z
    .array(
      z.object({
        // `refusal` is what a model says instead of an answer it will not give (OpenAI's structured outputs).
        delta: z.object({ content: z.string().nullish(), refusal: z.string().nullish() }).nullish(),
        finish_reason: z.string().nullish(),
      }),
    )
    .nullish()
    .transform((c) => c ?? []),
  usage: z.object({ prompt_tokens: z.number(), completion_tokens: z.number() }).nullish(),
});
const ZImagesSchema = z.object({
  data: z.array(z.object({ b64_json: z.string().nullish(), url: z.string().nullish() })).min(1),
});
const ZVideoSchema = z.object({
  id: z.string().min(1),
  status: z.enum(['queued', 'in_progress', 'completed', 'failed']),
  progress: z.number().nullish(),
  error: z.object({ message: z.string(), code: z.string().nullish() }).nullish(),
});
const ZTranscriptionSchema = z.object({ text: z.string() });

const IMAGE_PARAMS = ['size', 'quality', 'style', 'background', 'output_format'] as const;
const VIDEO_PARAMS = ['size'] as const;
/** Result of a synchronous call: nothing upstream to poll. */
const SYNC_JOB = 'sync-';

const parsed = <S extends z.ZodType>(schema: S, value: unknown, what: string): z.output<S> => {
  const result = schema.safeParse(value);
  if (!result.success) throw new ProviderError('unavailable', `unexpected ${what} from the provider`);
  return result.data;
};

const pick = (params: TGenerationRequest['params'], names: readonly string[]) =>
  Object.fromEntries(
    names.filter((n) => typeof params[n] === 'string' && params[n] !== '').map((n) => [n, params[n]]),
  );

/**
 * The OpenAI API and every gateway that speaks it (OpenRouter and the like): chat, images and image edits,
 * transcription, speech, and video jobs (the Videos API). One instance per API key; retries are the
 * gateway's (key rotation, fallback), so the SDK's own are off.
 */
export function createOpenAiCompatibleProvider(opts: TOpenAiCompatibleOptions) {
  const client = new OpenAI({
    apiKey: opts.apiKey,
    baseURL: opts.baseUrl,
    maxRetries: 0,
    timeout: opts.timeoutMs,
    ...(opts.fetch && { fetch: opts.fetch }),
  });
  const key = { secret: opts.apiKey, fingerprint: keyFingerprint(opts.apiKey) };
  const maxBytes = opts.maxOutputBytes ?? MAX_OUTPUT_BYTES;
  const call = async <T>(run: () => Promise<T>, signal?: AbortSignal): Promise<T> => {
    try {
      return await run();
    } catch (error) {
      throw fromOpenAiError(error, key, signal);
    }
  };

  const imageOutput = async (response: unknown, fallbackType: string): Promise<TBinaryOutput[]> => {
    const { data } = parsed(ZImagesSchema, response, 'image answer');
    return Promise.all(
      data.map(async (image) => {
        if (image.b64_json) {
          const bytes = Buffer.from(image.b64_json, 'base64');
          return { bytes, mimeType: mimeTypeOf(bytes, null, fallbackType) };
        }
        if (!image.url) throw new ProviderError('unavailable', 'image answer without data');
        // A URL points at the provider's CDN, not its API: no key goes with it.
        const download = await fetch(image.url, { signal: AbortSignal.timeout(opts.timeoutMs) });
        if (!download.ok)
          throw new ProviderError('unavailable', `image download failed: HTTP ${download.status}`);
        const bytes = await readOutput(download, maxBytes);
        return { bytes, mimeType: mimeTypeOf(bytes, download.headers.get('content-type'), fallbackType) };
      }),
    );
  };

  const generateImage = async (request: TGenerationRequest) => {
    // GPT image models always answer in base64 and refuse the parameter; DALL·E and gateways need it.
    const format = /^gpt-image/.test(request.model) ? {} : { response_format: 'b64_json' as const };
    const response = await call(() =>
      client.images.generate({
        model: request.model,
        prompt: request.prompt,
        n: 1,
        ...format,
        ...pick(request.params, IMAGE_PARAMS),
      }),
    );
    return imageOutput(response, 'image/png');
  };

  const editImage = async (request: TGenerationRequest) => {
    const images = (request.inputs ?? []).filter((input) => input.mimeType.startsWith('image/'));
    const first = images[0];
    if (!first) throw new ProviderError('rejected', 'an image edit needs an input image');
    const files = await Promise.all(images.map((i) => toFile(i.bytes, i.name, { type: i.mimeType })));
    const format = /^gpt-image/.test(request.model) ? {} : { response_format: 'b64_json' as const };
    const response = await call(() =>
      client.images.edit({
        model: request.model,
        image: files.length === 1 ? (files[0] as File) : files,
        prompt: request.prompt,
        n: 1,
        ...format,
        ...pick(request.params, IMAGE_PARAMS),
      }),
    );
    return imageOutput(response, first.mimeType);
  };

  const createVideo = async (request: TGenerationRequest): Promise<string> => {
    const reference = (request.inputs ?? []).find((input) => input.mimeType.startsWith('image/'));
    const seconds = request.params.seconds;
    const video = await call(async () =>
      client.videos.create({
        model: request.model,
        prompt: request.prompt,
        ...pick(request.params, VIDEO_PARAMS),
        ...(seconds !== undefined && { seconds: String(seconds) as '4' }),
        ...(reference && {
          input_reference: await toFile(reference.bytes, reference.name, { type: reference.mimeType }),
        }),
      }),
    );
    return parsed(ZVideoSchema, video, 'video job').id;
  };

  const pollVideo = async (jobId: string): Promise<TGenerationState> => {
    const video = parsed(ZVideoSchema, await call(() => client.videos.retrieve(jobId)), 'video job');
    switch (video.status) {
      case 'queued':
        return { state: 'pending', progress: { status: 'queued', percent: video.progress ?? undefined } };
      case 'in_progress':
        return { state: 'pending', progress: { status: 'running', percent: video.progress ?? undefined } };
      case 'failed': {
        const reason = video.error?.message ?? 'the provider gave no reason';
        const refused = isContentRefusalCode(video.error?.code) || saysContentRefused(video.error?.message);
        return { state: 'failed', reason, contentRefused: refused };
      }
      case 'completed': {
        const content = await call(() => client.videos.downloadContent(jobId));
        const bytes = await call(() => readOutput(content, maxBytes));
        return {
          state: 'succeeded',
          output: [{ bytes, mimeType: mimeTypeOf(bytes, content.headers.get('content-type'), 'video/mp4') }],
        };
      }
    }
  };

  const text: TTextProvider = {
    async *streamChat(request: TChatRequest): AsyncIterable<TChatChunk> {
      const { signal } = request;
      const stream = await call(
        () =>
          client.chat.completions.create(
            {
              model: request.model,
              messages: request.messages,
              stream: true,
              stream_options: { include_usage: true },
            },
            { signal },
          ),
        signal,
      );
      const iterator = stream[Symbol.asyncIterator]();
      let refusal = '';
      for (;;) {
        const next = await call(() => iterator.next(), signal);
        // The SDK ends an aborted stream as if the reply were complete; the caller must not take it for one.
        if (signal?.aborted) throw signal.reason;
        if (next.done) {
          if (refusal !== '')
            throw new ProviderError('content_refused', `the model refused: ${refusal.slice(0, 300)}`);
          return;
        }
        const chunk = parsed(ZChatChunkSchema, next.value, 'chat chunk');
        const choice = chunk.choices[0];
        refusal += choice?.delta?.refusal ?? '';
        const delta = choice?.delta?.content;
        if (delta) yield { type: 'delta', text: delta };
        // The provider's filter cut the reply: what came so far is not an answer to keep or charge for.
        if (choice?.finish_reason === 'content_filter')
          throw new ProviderError('content_refused', 'the content filter stopped the reply');
        if (chunk.usage)
          yield {
            type: 'usage',
            promptTokens: chunk.usage.prompt_tokens,
            completionTokens: chunk.usage.completion_tokens,
          };
      }
    },
  };

  const speech: TSpeechProvider = {
    async transcribe(input) {
      const file = await toFile(input.audio, input.fileName);
      const result = await call(() =>
        client.audio.transcriptions.create({
          file,
          model: input.model,
          ...(input.language && { language: input.language }),
        }),
      );
      return parsed(ZTranscriptionSchema, result, 'transcription').text;
    },
    async speak(input) {
      const response = await call(() =>
        client.audio.speech.create({
          model: input.model,
          voice: input.voice ?? 'alloy',
          input: input.text,
          response_format: 'mp3',
        }),
      );
      const bytes = await call(() => readOutput(response, maxBytes));
      return { bytes, mimeType: mimeTypeOf(bytes, response.headers.get('content-type'), 'audio/mpeg') };
    },
  };

  /** Image, image edit and video, driven as every job is: submit, then poll unless the output came at once. */
  const jobs = {
    async submit(
      operation: TOperation,
      request: TGenerationRequest,
    ): Promise<{ jobId: string; output?: TBinaryOutput[] }> {
      if (operation === 'image')
        return { jobId: `${SYNC_JOB}${randomUUID()}`, output: await generateImage(request) };
      if (operation === 'image-edit')
        return { jobId: `${SYNC_JOB}${randomUUID()}`, output: await editImage(request) };
      if (operation === 'video') return { jobId: await createVideo(request) };
      throw new ProviderError('rejected', `an OpenAI-compatible provider does not run ${operation} jobs`);
    },
    async poll(jobId: string): Promise<TGenerationState> {
      if (jobId.startsWith(SYNC_JOB))
        throw new ProviderError('rejected', 'a synchronous result was returned with the submission');
      return pollVideo(jobId);
    },
    // The Videos API has no cancel: a job runs to its end; deleting it is only allowed once it has one.
    async cancel(_jobId: string): Promise<void> {},
  };

  /** One operation as the generic generation interface. */
  const generation = (operation: TOperation): TGenerationProvider => ({
    submit: (request) => jobs.submit(operation, request),
    poll: jobs.poll,
    cancel: jobs.cancel,
  });

  return { ...text, ...speech, jobs, generation };
}

export type TOpenAiCompatibleProvider = ReturnType<typeof createOpenAiCompatibleProvider>;
