import { z } from 'zod';
import { saysContentRefused } from './content-refusal.ts';
import { failureOfStatus, withoutSecret } from './failure-of-status.ts';
import { keyFingerprint } from './key-fingerprint.ts';
import { isProviderError, ProviderError } from './provider-error.ts';
import type {
  TBinaryOutput,
  TGenerationProvider,
  TGenerationRequest,
  TGenerationState,
} from './provider-types.ts';
import { MAX_OUTPUT_BYTES, mimeTypeOf, readOutput } from './read-output.ts';
import { retryAfterMs } from './retry-after.ts';

export interface TPredictionProviderOptions {
  baseUrl: string;
  token: string;
  timeoutMs: number;
  maxOutputBytes?: number;
  fetch?: typeof fetch;
}

const ZPredictionSchema = z.object({
  id: z.string().min(1),
  status: z.enum(['starting', 'processing', 'succeeded', 'failed', 'canceled', 'aborted']),
  output: z.unknown().optional(),
  error: z.unknown().optional(),
  logs: z.string().nullish(),
});
type TPrediction = z.output<typeof ZPredictionSchema>;
const ZErrorBodySchema = z.object({ detail: z.string().optional(), title: z.string().optional() });

/** The newest "NN%" in the logs: models print tqdm-style progress bars there. */
export function progressFromLogs(logs: string | null | undefined): number | undefined {
  const matches = logs?.match(/(\d{1,3})%/g);
  const last = matches?.at(-1);
  if (!last) return undefined;
  return Math.min(100, Number.parseInt(last, 10));
}

/** Output is a URL, a list of URLs or an object of them, depending on the model; text stays text. */
function outputItems(output: unknown, depth = 0): string[] {
  if (typeof output === 'string') return [output];
  if (depth > 2 || output === null || typeof output !== 'object') return [];
  const values = Array.isArray(output) ? output : Object.values(output);
  return values.flatMap((value) => outputItems(value, depth + 1));
}

const isUrl = (item: string) => /^(https?:|data:)/.test(item);

const inputName = (input: NonNullable<TGenerationRequest['inputs']>[number]) =>
  input.role ?? input.mimeType.split('/')[0] ?? 'file';

/**
 * A Replicate-style prediction API over fetch: create (`POST /models/{owner}/{name}/predictions`, or
 * `POST /predictions` with a version for `owner/name:version`), poll (`GET /predictions/{id}`), cancel, then
 * download the output URLs. Input files go as data URLs named by their role (`image`, `audio`, `video` by
 * default), parameters as they are, next to `prompt`.
 */
export function createPredictionProvider(opts: TPredictionProviderOptions): TGenerationProvider {
  const fetchImpl = opts.fetch ?? fetch;
  const base = opts.baseUrl.replace(/\/+$/, '');
  const apiOrigin = new URL(base).origin;
  const fingerprint = keyFingerprint(opts.token);
  const maxBytes = opts.maxOutputBytes ?? MAX_OUTPUT_BYTES;
  const clean = (text: string) => withoutSecret(text, opts.token, fingerprint);
  const authorization = `Bearer ${opts.token}`;

  const send = async (url: string, init: RequestInit, withKey: boolean): Promise<Response> => {
    try {
      const headers = new Headers(init.headers);
      if (withKey) headers.set('authorization', authorization);
      return await fetchImpl(url, { ...init, headers, signal: AbortSignal.timeout(opts.timeoutMs) });
    } catch (error) {
      if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError'))
        throw new ProviderError('timeout', 'request timed out');
      throw new ProviderError('unavailable', clean(`connection failed: ${String(error)}`));
    }
  };

  const failed = async (response: Response): Promise<ProviderError> => {
    const text = await response.text().catch(() => '');
    let detail = text;
    try {
      const body = ZErrorBodySchema.safeParse(JSON.parse(text));
      if (body.success) detail = body.data.detail ?? body.data.title ?? text;
    } catch {
      // Not JSON (a proxy's HTML page): the text itself, cut short, says enough.
    }
    const failure = failureOfStatus(response.status, { message: detail });
    const retry = failure === 'rate_limited' ? retryAfterMs(response.headers) : undefined;
    return new ProviderError(failure, clean(`HTTP ${response.status}: ${detail.slice(0, 300)}`), retry);
  };

  const api = async (method: 'GET' | 'POST', path: string, body?: unknown): Promise<TPrediction> => {
    const response = await send(
      `${base}${path}`,
      {
        method,
        headers: body === undefined ? {} : { 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      },
      true,
    );
    if (!response.ok) throw await failed(response);
    const json = await response.json().catch(() => undefined);
    const prediction = ZPredictionSchema.safeParse(json);
    if (!prediction.success)
      throw new ProviderError('unavailable', 'unexpected prediction from the provider');
    return prediction.data;
  };

  const download = async (item: string): Promise<TBinaryOutput> => {
    if (item.startsWith('data:')) {
      const match = /^data:([^;,]*)(;base64)?,(.*)$/s.exec(item);
      if (!match) throw new ProviderError('unavailable', 'malformed data URL in the output');
      const bytes = match[2]
        ? Buffer.from(match[3] ?? '', 'base64')
        : Buffer.from(decodeURIComponent(match[3] ?? ''));
      return { bytes, mimeType: mimeTypeOf(bytes, match[1] || null, 'application/octet-stream') };
    }
    // The key goes only to the API's own host: output URLs usually point at a CDN of someone else.
    const response = await send(item, { method: 'GET' }, new URL(item).origin === apiOrigin);
    if (!response.ok) throw await failed(response);
    const bytes = await readOutput(response, maxBytes);
    return {
      bytes,
      mimeType: mimeTypeOf(bytes, response.headers.get('content-type'), 'application/octet-stream'),
    };
  };

  const stateOf = async (prediction: TPrediction): Promise<TGenerationState> => {
    switch (prediction.status) {
      case 'starting':
        return { state: 'pending', progress: { status: 'queued' } };
      case 'processing':
        return {
          state: 'pending',
          progress: { status: 'running', percent: progressFromLogs(prediction.logs) },
        };
      case 'failed': {
        // A model's safety checker fails the prediction with its own words ("NSFW content detected").
        const reason = clean(reasonOf(prediction.error));
        return { state: 'failed', reason, contentRefused: saysContentRefused(reason) };
      }
      case 'canceled':
      case 'aborted':
        return { state: 'failed', reason: prediction.status, contentRefused: false };
      case 'succeeded': {
        const items = outputItems(prediction.output);
        if (items.length === 0)
          return { state: 'failed', reason: 'the provider returned no output', contentRefused: false };
        const output = await Promise.all(
          items.map((item) =>
            isUrl(item) ? download(item) : { bytes: Buffer.from(item, 'utf8'), mimeType: 'text/plain' },
          ),
        );
        return { state: 'succeeded', output };
      }
    }
  };

  return {
    async submit(request) {
      const input: Record<string, unknown> = { ...request.params };
      if (request.prompt !== '') input.prompt = request.prompt;
      for (const file of request.inputs ?? [])
        input[inputName(file)] = `data:${file.mimeType};base64,${file.bytes.toString('base64')}`;
      const [name, version] = request.model.split(':');
      const prediction = version
        ? await api('POST', '/predictions', { version, input })
        : await api('POST', `/models/${name}/predictions`, { input });
      return { jobId: prediction.id };
    },
    async poll(jobId) {
      const prediction = await api('GET', `/predictions/${encodeURIComponent(jobId)}`);
      try {
        return await stateOf(prediction);
      } catch (error) {
        if (isProviderError(error)) throw error;
        throw new ProviderError('unavailable', clean(String(error)));
      }
    },
    async cancel(jobId) {
      await api('POST', `/predictions/${encodeURIComponent(jobId)}/cancel`);
    },
  };
}

function reasonOf(error: unknown): string {
  if (typeof error === 'string' && error !== '') return error.slice(0, 500);
  if (error && typeof error === 'object' && 'message' in error && typeof error.message === 'string')
    return error.message.slice(0, 500);
  return 'the provider gave no reason';
}
