// Predictions and their lifecycle: `starting` (the first 20% of the delay, Replicate's cold boot),
// `processing` with progress in the logs, then `succeeded` or `failed`; `canceled` on request.
// The status is worked out from the clock whenever a prediction is read, so no timers run; outputs
// are made the first time a succeeded prediction is read.
import { randomBytes } from 'node:crypto';
import type { TResolvedModel } from './model-specs.ts';
import { makeOutputs, type TOutputContext } from './prediction-outputs.ts';
import { progressLogs } from './progress-logs.ts';

export type TPredictionStatus = 'starting' | 'processing' | 'succeeded' | 'failed' | 'canceled';

type TStoredPrediction = {
  id: string;
  model: TResolvedModel;
  input: Record<string, unknown>;
  createdAtMs: number;
  startAtMs: number;
  doneAtMs: number;
  /** Decided at creation, from the failure rate. */
  error: string | undefined;
  canceledAtMs?: number;
  output?: string[];
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
    this.predictions.set(prediction.id, prediction);
    return prediction;
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
    prediction.error = error;
  }

  status(p: TStoredPrediction, now = Date.now()): TPredictionStatus {
    if (p.canceledAtMs !== undefined) return 'canceled';
    if (now >= p.doneAtMs) return p.error === undefined ? 'succeeded' : 'failed';
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
    if (status === 'succeeded') p.output ??= makeOutputs(this.outputs, p.model, p.input);
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
    return `${bars}Traceback (most recent call last):\n  File "predict.py", line 42, in predict\nRuntimeError: ${p.error}\n`;
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
