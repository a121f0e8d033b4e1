import type {
  TBinaryOutput,
  TChatChunk,
  TChatMessage,
  TGenerationRequest,
  TGenerationState,
} from './provider-types.ts';

/**
 * The one door from the AI domain to the providers, addressed by catalog model id (core/ai/model-catalog.ts).
 * Behind it (core/ai/providers/create-ai-gateway.ts): which provider and upstream model serve an id, the
 * provider's API keys (rotated on rate limits, a failing key rested for a while) and the fallback provider.
 * Fallback happens only before a result has started: a chat that already streamed text is not restarted
 * elsewhere, a submitted job stays with the provider that took it.
 */
export interface TAiGateway {
  streamChat(modelId: string, messages: TChatMessage[], signal?: AbortSignal): AsyncIterable<TChatChunk>;
  /**
   * Returns the provider that took the job: polling must go to the same one. Synchronous APIs (OpenAI
   * images, photo edits) answer with the result at once: then `output` is set and there is nothing to poll.
   */
  submit(
    modelId: string,
    request: Omit<TGenerationRequest, 'model'>,
  ): Promise<{ provider: string; jobId: string; output?: TBinaryOutput[] }>;
  poll(provider: string, jobId: string): Promise<TGenerationState>;
  cancel(provider: string, jobId: string): Promise<void>;
  transcribe(input: { audio: Buffer; fileName: string; language?: string }): Promise<string>;
  speak(input: { text: string; voice?: string }): Promise<TBinaryOutput>;
  /** True when configuration names a provider for this model (an unconfigured model is not offered). */
  serves(modelId: string): boolean;
}
