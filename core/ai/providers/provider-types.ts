/**
 * What the AI domain asks of a provider, one interface per kind. Adapters (the OpenAI-compatible one on the
 * `openai` SDK, the asynchronous prediction one) implement these; the domain never sees an SDK type.
 * Every adapter throws `ProviderError` (provider-error.ts) so callers can tell a rate limit from a bad
 * request from an outage.
 */

export interface TChatMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

export interface TChatRequest {
  /** Upstream model id (configuration maps a catalog id to it). */
  model: string;
  messages: TChatMessage[];
  signal?: AbortSignal;
}

export type TChatChunk =
  | { type: 'delta'; text: string }
  | { type: 'usage'; promptTokens: number; completionTokens: number };

export interface TTextProvider {
  /** Streams the reply as it is generated; the iterator ends when the model is done. */
  streamChat(request: TChatRequest): AsyncIterable<TChatChunk>;
}

/** Bytes a provider produced, with the type it says they have. */
export interface TBinaryOutput {
  bytes: Buffer;
  mimeType: string;
}

export interface TJobProgress {
  /** 0–100 when the provider reports it. */
  percent?: number;
  status: 'queued' | 'running';
}

/**
 * Image, video, music and photo tools: submit, then poll. The handle lets a worker that restarted pick a
 * job up where it was instead of paying for it again.
 */
export interface TGenerationRequest {
  model: string;
  prompt: string;
  /** Kind-specific options: size, seconds, aspect ratio, voice … */
  params: Record<string, string | number | boolean>;
  /** Input files (a photo to upscale, a reference frame, video-task materials). */
  inputs?: { bytes: Buffer; mimeType: string; name: string; role?: string }[];
}

export type TGenerationState =
  | { state: 'pending'; progress: TJobProgress }
  | { state: 'succeeded'; output: TBinaryOutput[] }
  /** `contentRefused`: the provider said its content rules stopped the job (content-refusal.ts). */
  | { state: 'failed'; reason: string; contentRefused: boolean };

export interface TGenerationProvider {
  /** Synchronous APIs (OpenAI images and edits) answer with the result: then `output` is set, nothing to poll. */
  submit(request: TGenerationRequest): Promise<{ jobId: string; output?: TBinaryOutput[] }>;
  poll(jobId: string): Promise<TGenerationState>;
  cancel?(jobId: string): Promise<void>;
}

export interface TSpeechProvider {
  transcribe(input: { model: string; audio: Buffer; fileName: string; language?: string }): Promise<string>;
  speak(input: { model: string; text: string; voice?: string }): Promise<TBinaryOutput>;
}
