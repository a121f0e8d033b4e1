import type { TPoolKey } from './key-pool.ts';
import { createOpenAiCompatibleProvider } from './openai-compatible-provider.ts';
import { createPredictionProvider } from './prediction-provider.ts';
import type { TProviderConfig } from './provider-config.ts';
import { ProviderError } from './provider-error.ts';
import type { TOperation } from './provider-routes.ts';
import type {
  TBinaryOutput,
  TGenerationRequest,
  TGenerationState,
  TSpeechProvider,
  TTextProvider,
} from './provider-types.ts';

/** What the gateway drives, the same for both API flavours; chat and speech only where the flavour has them. */
export interface TProviderClient {
  submit(
    operation: TOperation,
    request: TGenerationRequest,
  ): Promise<{ jobId: string; output?: TBinaryOutput[] }>;
  poll(jobId: string): Promise<TGenerationState>;
  cancel(jobId: string): Promise<void>;
  text?: TTextProvider;
  speech?: TSpeechProvider;
}

function createClient(config: TProviderConfig, key: TPoolKey): TProviderClient {
  if (config.type === 'openai') {
    const provider = createOpenAiCompatibleProvider({
      baseUrl: config.baseUrl,
      apiKey: key.secret,
      timeoutMs: config.timeoutMs,
    });
    return { ...provider.jobs, text: provider, speech: provider };
  }
  const provider = createPredictionProvider({
    baseUrl: config.baseUrl,
    token: key.secret,
    timeoutMs: config.timeoutMs,
  });
  return {
    submit: (_operation, request) => provider.submit(request),
    poll: (jobId) => provider.poll(jobId),
    cancel: async (jobId) => {
      if (!provider.cancel) throw new ProviderError('rejected', 'this provider cannot cancel');
      await provider.cancel(jobId);
    },
  };
}

/** One SDK client per provider and key, made on first use and kept (it holds the HTTP agent). */
export function createProviderClients() {
  const clients = new Map<string, TProviderClient>();
  return (name: string, config: TProviderConfig, key: TPoolKey): TProviderClient => {
    const id = `${name}:${key.fingerprint}`;
    let client = clients.get(id);
    if (!client) {
      client = createClient(config, key);
      clients.set(id, client);
    }
    return client;
  };
}
