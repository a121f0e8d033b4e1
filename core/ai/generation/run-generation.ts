import { findCatalogModel } from '#core/ai/model-catalog.ts';
import type { TAiGateway } from '#core/ai/providers/ai-gateway.ts';
import { isProviderError, type ProviderError } from '#core/ai/providers/provider-error.ts';
import type { TBinaryOutput } from '#core/ai/providers/provider-types.ts';
import type { AiRequest, PrismaClient } from '#core/db/generated/client.ts';
import { isAppError } from '#core/errors/app-error.ts';
import type { TFileStore } from '#core/files/file-store.ts';
import type { Logger } from '#core/logging/logger.ts';
import { announceOutcome } from './announce-outcome.ts';
import { deliverResult } from './deliver-result.ts';
import type { TGenerationDelivery, TGenerationFailure } from './generation-delivery.ts';
import { providerInputs, providerParams, saveResult, serveFromCache } from './generation-files.ts';
import { isGenerationKind, type TGenerationKind } from './generation-rules.ts';
import { INLINE_POLL_MS, POLL_DEADLINE_MS, pollIntervalMs, SUBMIT_DEADLINE_MS } from './generation-timing.ts';
import { checkOutputKind } from './output-kind.ts';
import { settleFailed, settleSucceeded } from './settle-generation.ts';

export interface TRunDeps {
  db: PrismaClient;
  ai: TAiGateway;
  store: TFileStore;
  delivery: TGenerationDelivery;
  logger: Logger;
  /** See TAnnounceDeps: the worker's own ending for a final request, run once before `notifiedAt`. */
  onFinished?: (requestId: bigint) => Promise<unknown>;
}

export type TRunOutcome =
  | { kind: 'done'; status: 'succeeded' | 'failed' | 'skipped' }
  /** Not finished: run again after `delayMs` (a rate-limited submission, or a long job between polls). */
  | { kind: 'later'; delayMs: number; reason: 'rate_limited' | 'polling' };

/** The worker is stopping: leave the row as it is, the next worker resumes from it. */
export class GenerationInterrupted extends Error {
  constructor() {
    super('generation interrupted: the worker is stopping');
    this.name = 'GenerationInterrupted';
  }
}

const TERMINAL = new Set(['succeeded', 'failed', 'canceled']);
const UNSTORABLE = new Set([
  'FILE_TOO_LARGE',
  'FILE_TYPE_NOT_ALLOWED',
  'FILE_TYPE_MISMATCH',
  'IMAGE_TOO_LARGE',
]);

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new GenerationInterrupted());
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(new GenerationInterrupted());
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/**
 * Advances one generation request as far as it can go in one run of its job. Safe to run again at any point
 * (the row is the truth, the job only points at it): a final row is only announced if it was not yet; a
 * row whose delivery is recorded only settles; a row with a result file skips to delivery, which sends
 * only the messages not yet journaled; a row with a provider job resumes polling it (a restarted worker
 * never submits twice); only a row without one submits.
 */
export async function runGeneration(
  deps: TRunDeps,
  requestId: bigint,
  opts: { signal?: AbortSignal } = {},
): Promise<TRunOutcome> {
  const found = await deps.db.aiRequest.findUnique({ where: { id: requestId } });
  if (!found || !isGenerationKind(found.kind)) return { kind: 'done', status: 'skipped' };
  if (TERMINAL.has(found.status)) {
    // Settled by a run that died before it could say so.
    const announced = await announceOutcome(deps, found.id);
    if (!announced) return { kind: 'done', status: 'skipped' };
    return { kind: 'done', status: announced.status === 'succeeded' ? 'succeeded' : 'failed' };
  }
  let request = found;
  if (request.status === 'queued')
    request = await deps.db.aiRequest.update({ where: { id: request.id }, data: { status: 'running' } });

  const fail = async (code: TGenerationFailure, message: string): Promise<TRunOutcome> => {
    const settled = await settleFailed(deps, request, { code, message });
    await announceOutcome(deps, request.id);
    return { kind: 'done', status: settled === 'succeeded' ? 'succeeded' : 'failed' };
  };

  if (!request.resultFileId && request.cacheHit) request = await serveFromCache(deps, request);
  if (!request.resultFileId && !request.providerJobId) {
    const submitted = await submit(deps, request, request.kind as TGenerationKind);
    if (submitted.kind === 'later' || submitted.kind === 'failed')
      return submitted.kind === 'later' ? submitted : fail(submitted.code, submitted.message);
    request = submitted.request;
  }
  if (!request.resultFileId) {
    const polled = await poll(deps, request, request.kind as TGenerationKind, opts.signal);
    if (polled.kind === 'later') return polled;
    if (polled.kind === 'failed') return fail(polled.code, polled.message);
    request = polled.request;
  }
  const delivered = await deliverResult(deps, request);
  if (delivered === 'undeliverable') return fail('undeliverable', 'the chat cannot receive messages');
  if (delivered === 'result_gone') return fail('internal', 'the stored result is gone');
  await settleSucceeded(deps, request);
  await announceOutcome(deps, request.id);
  return { kind: 'done', status: 'succeeded' };
}

/** Text to speech is one synchronous call of the gateway, not a job: it is stored like a synchronous image. */
const SPEECH_MODEL = 'tts';
async function speak(deps: TRunDeps, request: AiRequest) {
  const voice = providerParams(request).voice;
  const output = await deps.ai.speak({
    text: request.prompt,
    voice: typeof voice === 'string' ? voice : undefined,
  });
  return { provider: 'speech', jobId: `speech-${request.id}`, output: [output] };
}

type TStep =
  | { kind: 'ok'; request: AiRequest }
  | { kind: 'later'; delayMs: number; reason: 'rate_limited' | 'polling' }
  | { kind: 'failed'; code: TGenerationFailure; message: string };

async function submit(deps: TRunDeps, request: AiRequest, kind: TGenerationKind): Promise<TStep> {
  let submitted: Awaited<ReturnType<TAiGateway['submit']>>;
  try {
    submitted =
      request.modelId === SPEECH_MODEL
        ? await speak(deps, request)
        : await deps.ai.submit(request.modelId, {
            prompt: request.prompt,
            params: providerParams(request),
            inputs: await providerInputs(deps, request),
          });
  } catch (error) {
    if (!isProviderError(error)) throw error;
    const final = finalFailure(error);
    if (final) return final;
    // Rate limits and outages are the provider's passing state: wait (as a delayed job, no attempt used)
    // until the submission deadline, then give the tokens back.
    const waited = Date.now() - request.createdAt.getTime();
    if (waited > SUBMIT_DEADLINE_MS)
      return { kind: 'failed', code: 'provider_unavailable', message: `${error.failure}: ${error.message}` };
    const delayMs = error.retryAfterMs ?? Math.min(60_000, Math.max(5_000, Math.round(waited / 5)));
    deps.logger.info(
      { requestId: request.id.toString(), failure: error.failure, delayMs },
      'submission deferred',
    );
    return { kind: 'later', delayMs, reason: 'rate_limited' };
  }
  if (submitted.output) {
    // A synchronous API answered with the result: store it before recording the job, so a restart either
    // finds the result or submits again, never polls a job that has nothing to poll. (A crash in between
    // costs the provider a second image; the user is charged once either way.)
    const withJob = { ...request, provider: submitted.provider, providerJobId: submitted.jobId };
    return stored(deps, withJob, kind, submitted.output);
  }
  const updated = await deps.db.aiRequest.update({
    where: { id: request.id },
    data: { provider: submitted.provider, providerJobId: submitted.jobId, startedAt: new Date() },
  });
  return { kind: 'ok', request: updated };
}

/**
 * A provider failure that asking again cannot fix: the provider's content rules refused the request (the
 * user's to reword), or every route rejected it as sent (ours to fix: the user is told the model could not
 * do it). Null for the passing ones (rate limits, outages, timeouts).
 */
function finalFailure(error: ProviderError): Extract<TStep, { kind: 'failed' }> | null {
  if (error.failure === 'content_refused')
    return { kind: 'failed', code: 'content_refused', message: error.message };
  if (error.failure === 'rejected')
    return { kind: 'failed', code: 'provider_failed', message: `rejected: ${error.message}` };
  return null;
}

async function stored(deps: TRunDeps, request: AiRequest, kind: TGenerationKind, output: TBinaryOutput[]) {
  const first = output[0];
  if (!first || first.bytes.length === 0)
    return { kind: 'failed', code: 'provider_failed', message: 'the provider returned no output' } as const;
  // What the model sells, checked before anything is kept: a picture for a video is never a result.
  const asked = findCatalogModel(request.modelId)?.output;
  const check = asked ? checkOutputKind(asked, first) : { ok: true as const, mimeType: first.mimeType };
  if (!check.ok) {
    deps.logger.error(
      {
        requestId: request.id.toString(),
        modelId: request.modelId,
        provider: request.provider,
        err: check.message,
      },
      'provider returned the wrong kind of output',
    );
    return { kind: 'failed', code: 'provider_failed', message: check.message } as const;
  }
  let file: Awaited<ReturnType<typeof saveResult>>;
  try {
    file = await saveResult(deps, request, { bytes: first.bytes, mimeType: check.mimeType });
  } catch (error) {
    // Bytes that are not what they claim, of a type we do not keep, or over 100 MB: asking again gets the same.
    if (!isAppError(error) || !UNSTORABLE.has(error.code)) throw error;
    const message = `unusable output (${error.code}, ${first.mimeType})`;
    return { kind: 'failed', code: 'provider_failed', message } as const;
  }
  const updated = await deps.db.aiRequest.update({
    where: { id: request.id },
    data: {
      provider: request.provider,
      providerJobId: request.providerJobId,
      startedAt: request.startedAt ?? new Date(),
      resultFileId: file.id,
      progress: 100,
    },
  });
  deps.logger.debug({ requestId: request.id.toString(), kind, fileId: file.id }, 'result stored');
  return { kind: 'ok', request: updated } as const;
}

async function poll(
  deps: TRunDeps,
  request: AiRequest,
  kind: TGenerationKind,
  signal: AbortSignal | undefined,
): Promise<TStep> {
  const provider = request.provider ?? '';
  const jobId = request.providerJobId ?? '';
  const started = (request.startedAt ?? request.createdAt).getTime();
  const inlineUntil = Date.now() + INLINE_POLL_MS;
  let progress = request.progress;
  for (;;) {
    if (signal?.aborted) throw new GenerationInterrupted();
    let state: Awaited<ReturnType<TAiGateway['poll']>> | null = null;
    try {
      state = await deps.ai.poll(provider, jobId);
    } catch (error) {
      if (!isProviderError(error)) throw error;
      const final = finalFailure(error);
      if (final) return final;
      // A failed poll says nothing about the job: ask again at the next interval.
      deps.logger.info({ requestId: request.id.toString(), failure: error.failure }, 'poll failed');
    }
    if (state?.state === 'succeeded') return stored(deps, request, kind, state.output);
    if (state?.state === 'failed')
      return state.contentRefused
        ? { kind: 'failed', code: 'content_refused', message: state.reason }
        : { kind: 'failed', code: 'provider_failed', message: state.reason };
    const percent = state?.progress.percent;
    if (percent !== undefined && Math.round(percent) !== progress) {
      progress = Math.max(0, Math.min(99, Math.round(percent)));
      await deps.db.aiRequest.update({ where: { id: request.id }, data: { progress } });
    }
    if (state) await deps.delivery.progress({ ...request, progress }, percent);
    const elapsed = Date.now() - started;
    if (elapsed > POLL_DEADLINE_MS[kind]) {
      await deps.ai.cancel(provider, jobId).catch((error: unknown) => {
        deps.logger.warn({ requestId: request.id.toString(), err: String(error) }, 'cancel failed');
      });
      return { kind: 'failed', code: 'timeout', message: `no result after ${Math.round(elapsed / 1000)} s` };
    }
    const interval = pollIntervalMs(elapsed);
    if (Date.now() + interval > inlineUntil) return { kind: 'later', delayMs: interval, reason: 'polling' };
    await sleep(interval, signal);
  }
}
