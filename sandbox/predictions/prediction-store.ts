// Predictions and their lifecycle: `starting` (the first 20% of the delay, Replicate's cold boot),
// `processing` with progress in the logs, then `succeeded` or `failed`; `canceled` on request.
// The status is worked out from the clock whenever a prediction is read, so no timers run; outputs
// are made the first time a succeeded prediction is read. A photo tool's work (download the input,
// transform it) starts at creation and runs alongside the clock: the prediction stays `processing`
// past its delay until that work is done, and fails with the model's error when the input cannot be
// read.
import { randomBytes } from 'node:crypto';
import { ModelRunError } from './input-image.ts';
import type { TResolvedModel } from './model-specs.ts';
import { makeOutputs, makeToolOutputs, type TOutputContext } from './prediction-outputs.ts';
import { progressLogs } from './progress-logs.ts';

export type TPredictionStatus = 'starting' | 'processing' | 'succeeded' | 'failed' | 'canceled';

type TStoredPrediction = {
  id: string;
  model: TResolvedModel;
  input: Record<string, unknown>;
  createdAtMs: number;
  startAtMs: number;
  doneAtMs: number;
  /** Decided at creation, from the failure rate, or the tool's failure. */
  error: string | undefined;
  /** The Python exception the failure's traceback names. */
  exception?: string;
  canceledAtMs?: number;
  output?: string[];
  /** A photo tool still working on its input. */
  working?: Promise<void>;
  steps: number;
  seed: number;
};

const STARTING_SHARE = 0.2;
const DEFAULT_STEPS = 20;
export const DRAWN_FAILURE = 'Prediction failed: the stand-in drew a failure (failureRate).';

export class PredictionStore {
  private readonly predictions = new Map<string, TStoredPrediction>();

  constructor(
    private readonly outputs: TOutputContext,
    private readonly urls: (id: string) => { get: string; cancel: string },
  ) {}

  create(model: TResolvedModel, input: Record<string, unknown>, fails: boolean): TStoredPrediction {
    const now = Date.now();
    const steps = input.num_inference_steps;
    const prediction: TStoredPrediction = {
      id: predictionId(),
      model,
      input,
      createdAtMs: now,
      startAtMs: now + Math.round(model.delayMs * STARTING_SHARE),
      doneAtMs: now + model.delayMs,
      error: fails ? DRAWN_FAILURE : undefined,
      steps:
        typeof steps === 'number' && Number.isInteger(steps) && steps > 0
          ? Math.min(steps, 500)
          : DEFAULT_STEPS,
      seed: typeof input.seed === 'number' ? input.seed : randomBytes(2).readUInt16BE(0),
    };
    if (model.tool) this.startTool(prediction, model.tool);
    this.predictions.set(prediction.id, prediction);
    return prediction;
  }

  /** Resolves once a photo tool's work is done (at once for other models); never rejects. */
  worked(prediction: TStoredPrediction): Promise<void> {
    return prediction.working ?? Promise.resolve();
  }

  private startTool(prediction: TStoredPrediction, tool: NonNullable<TResolvedModel['tool']>): void {
    const working = makeToolOutputs(this.outputs, tool, prediction.input).then(
      (output) => {
        prediction.output = output;
      },
      (error: unknown) => {
        // A drawn failure or control.finish's error stands; otherwise the model's own error is the outcome.
        if (prediction.error !== undefined) return;
        prediction.error = error instanceof Error ? error.message : String(error);
        prediction.exception = error instanceof ModelRunError ? error.exception : 'RuntimeError';
      },
    );
    prediction.working = working.finally(() => {
      prediction.working = undefined;
    });
  }

  get(id: string): TStoredPrediction | undefined {
    return this.predictions.get(id);
  }

  /** Newest first, as Replicate lists them. */
  list(): TStoredPrediction[] {
    return [...this.predictions.values()].reverse();
  }

  /** Cancels a prediction that has not finished; a finished one stays as it is. */
  cancel(prediction: TStoredPrediction): void {
    if (!isFinal(this.status(prediction))) prediction.canceledAtMs = Date.now();
  }

  /** Ends a running prediction now: succeeded, or failed with `error`. */
  finish(prediction: TStoredPrediction, error: string | undefined): void {
    if (isFinal(this.status(prediction))) throw new Error(`prediction ${prediction.id} has already finished`);
    const now = Date.now();
    prediction.startAtMs = Math.min(prediction.startAtMs, now);
    prediction.doneAtMs = now;
    // A tool that could not read its input has nothing to succeed with: its failure stands.
    prediction.error = error ?? (prediction.exception === undefined ? undefined : prediction.error);
  }

  status(p: TStoredPrediction, now = Date.now()): TPredictionStatus {
    if (p.canceledAtMs !== undefined) return 'canceled';
    if (now >= p.doneAtMs) {
      if (p.error !== undefined) return 'failed';
      return p.working ? 'processing' : 'succeeded';
    }
    return now >= p.startAtMs ? 'processing' : 'starting';
  }

  /** When the prediction reaches a final status if left alone; for `Prefer: wait`. */
  settlesAt(p: TStoredPrediction): number {
    return p.canceledAtMs ?? p.doneAtMs;
  }

  json(p: TStoredPrediction, now = Date.now()) {
    const status = this.status(p, now);
    const endedAtMs = p.canceledAtMs ?? p.doneAtMs;
    const started = (p.canceledAtMs ?? now) >= p.startAtMs;
    if (status === 'succeeded' && !p.model.tool) p.output ??= makeOutputs(this.outputs, p.model, p.input);
    const output =
      status === 'succeeded' && p.output ? (p.model.output === 'array' ? p.output : p.output[0]) : null;
    return {
      id: p.id,
      model: p.model.name,
      version: p.model.version,
      input: p.input,
      logs: this.logs(p, status, Math.min(now, endedAtMs)),
      output,
      data_removed: false,
      error: status === 'failed' ? (p.error ?? null) : null,
      status,
      source: 'api',
      created_at: new Date(p.createdAtMs).toISOString(),
      started_at: started ? new Date(p.startAtMs).toISOString() : null,
      completed_at: isFinal(status) ? new Date(endedAtMs).toISOString() : null,
      urls: this.urls(p.id),
      metrics:
        isFinal(status) && started
          ? {
              predict_time: (endedAtMs - p.startAtMs) / 1000,
              total_time: (endedAtMs - p.createdAtMs) / 1000,
              ...(status === 'succeeded' &&
                p.model.kind === 'image' && { image_count: p.output?.length ?? 0 }),
            }
          : {},
    };
  }

  private logs(p: TStoredPrediction, status: TPredictionStatus, at: number): string {
    if (at < p.startAtMs) return '';
    const running = Math.max(1, p.doneAtMs - p.startAtMs);
    const share = status === 'succeeded' ? 1 : Math.min(1, (at - p.startAtMs) / running);
    // A failure stops the bar part-way, where the traceback begins.
    const done = status === 'failed' ? Math.floor(p.steps * 0.6) : Math.floor(share * p.steps);
    const secondsPerStep = running / 1000 / p.steps;
    const bars = progressLogs({ seed: p.seed, done, total: p.steps, secondsPerStep });
    if (status !== 'failed') return bars;
    return `${bars}Traceback (most recent call last):\n  File "predict.py", line 42, in predict\n${p.exception ?? 'RuntimeError'}: ${p.error}\n`;
  }
}

export function isFinal(status: TPredictionStatus): boolean {
  return status === 'succeeded' || status === 'failed' || status === 'canceled';
}

/** Replicate's ids are 26 characters of lowercase base32. */
function predictionId(): string {
  const alphabet = 'abcdefghijklmnopqrstuvwxyz234567';
  return [...randomBytes(26)].map((b) => alphabet[b % 32]).join('');
}
