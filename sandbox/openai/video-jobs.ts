// Video generation jobs with OpenAI's lifecycle: `queued`, then `in_progress` with `progress`
// rising, then `completed` (or `failed`). The state is worked out from the clock whenever a job is
// read, so there are no timers to clean up: the first 15% of the duration is the queue.
import { randomBytes } from 'node:crypto';

export type TVideoJob = {
  id: string;
  model: string;
  prompt: string;
  seconds: string;
  size: string;
  createdAtMs: number;
  durationMs: number;
  /** Decided at creation: `control.failVideoJobs(true)` makes the jobs created meanwhile fail. */
  fails: boolean;
};

type TVideoStatus = 'queued' | 'in_progress' | 'completed' | 'failed';

const QUEUED_SHARE = 0.15;
// Generated assets stay downloadable for a limited time; the stand-in only reports the expiry.
const ASSET_LIFETIME_SECONDS = 3600;

export class VideoJobs {
  private readonly jobs = new Map<string, TVideoJob>();

  create(fields: Omit<TVideoJob, 'id' | 'createdAtMs'>): TVideoJob {
    const job = { ...fields, id: `video_${randomBytes(16).toString('hex')}`, createdAtMs: Date.now() };
    this.jobs.set(job.id, job);
    return job;
  }

  get(id: string): TVideoJob | undefined {
    return this.jobs.get(id);
  }

  delete(id: string): boolean {
    return this.jobs.delete(id);
  }

  /** Newest first, as OpenAI lists them by default. */
  list(): TVideoJob[] {
    return [...this.jobs.values()].reverse();
  }

  /** Ends the job now (successfully unless it was created to fail). */
  finish(id: string): boolean {
    const job = this.jobs.get(id);
    if (!job) return false;
    job.durationMs = Math.min(job.durationMs, Date.now() - job.createdAtMs);
    return true;
  }

  status(job: TVideoJob, now = Date.now()): { status: TVideoStatus; progress: number } {
    const elapsed = now - job.createdAtMs;
    if (elapsed >= job.durationMs)
      return job.fails ? { status: 'failed', progress: 0 } : { status: 'completed', progress: 100 };
    const queueMs = job.durationMs * QUEUED_SHARE;
    if (elapsed < queueMs) return { status: 'queued', progress: 0 };
    // Never 100 before completion, so a client that waits for 100% still waits for the status.
    return {
      status: 'in_progress',
      progress: Math.min(99, Math.floor(((elapsed - queueMs) / (job.durationMs - queueMs)) * 100)),
    };
  }

  json(job: TVideoJob, now = Date.now()) {
    const { status, progress } = this.status(job, now);
    const endedAt = Math.floor((job.createdAtMs + job.durationMs) / 1000);
    return {
      id: job.id,
      object: 'video' as const,
      model: job.model,
      status,
      progress,
      created_at: Math.floor(job.createdAtMs / 1000),
      completed_at: status === 'completed' ? endedAt : null,
      expires_at: status === 'completed' ? endedAt + ASSET_LIFETIME_SECONDS : null,
      error:
        status === 'failed'
          ? { code: 'video_generation_failed', message: 'Video generation failed (stand-in failure mode).' }
          : null,
      prompt: job.prompt,
      remixed_from_video_id: null,
      seconds: job.seconds,
      size: job.size,
    };
  }
}
