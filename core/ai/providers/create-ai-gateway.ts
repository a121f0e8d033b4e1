import type { Registry } from 'prom-client';
import type { Logger } from '#core/logging/logger.ts';
import type { Redis } from '#core/redis/create-redis.ts';
import type { TAiGateway } from './ai-gateway.ts';
import { keyFingerprint } from './key-fingerprint.ts';
import { createKeyPool, type TPoolKey } from './key-pool.ts';
import { createProviderClients, type TProviderClient } from './provider-clients.ts';
import type { TAiConfig } from './provider-config.ts';
import { ProviderError } from './provider-error.ts';
import { decodeJobHandle, encodeJobHandle } from './provider-job-handle.ts';
import type { TChatChunk } from './provider-types.ts';
import { createRouteAttempts, type TUsableRoute } from './route-attempts.ts';

export interface TAiGatewayDeps {
  config: TAiConfig;
  redis: Redis;
  /** REDIS_PREFIX: key rests are shared by every process of one deployment, and only by those. */
  redisPrefix: string;
  logger?: Logger;
  /** When given, failures are counted as polygram_ai_provider_errors_total{provider,failure}. */
  metrics?: Registry;
}

const TRANSCRIBE_MODEL = 'whisper';
const SPEECH_MODEL = 'tts';

/** The gateway over the configured routes, the shared key pool and the two adapter flavours. */
export function createAiGateway(deps: TAiGatewayDeps): TAiGateway {
  const pool = createKeyPool({ redis: deps.redis, prefix: deps.redisPrefix });
  const attempts = createRouteAttempts({
    config: deps.config,
    pool,
    logger: deps.logger,
    metrics: deps.metrics,
  });
  const clientOf = createProviderClients();
  const client = (target: TUsableRoute, key: TPoolKey) => clientOf(target.route.provider, target.config, key);

  /** A job is polled with the key that created it; one no longer configured falls back to the first key. */
  const jobClient = (provider: string, handle: string) => {
    const config = deps.config.providers[provider];
    const first = config?.keys[0];
    if (!config || !first) throw new ProviderError('unavailable', `provider "${provider}" is not configured`);
    const { fingerprint, upstreamId } = decodeJobHandle(handle);
    const secret = config.keys.find((k) => keyFingerprint(k) === fingerprint) ?? first;
    const key = { secret, fingerprint: keyFingerprint(secret) };
    return { client: clientOf(provider, config, key), key, upstreamId };
  };

  const onJob = async <T>(
    provider: string,
    handle: string,
    call: (c: TProviderClient, id: string) => Promise<T>,
  ) => {
    const { client: c, key, upstreamId } = jobClient(provider, handle);
    try {
      return await call(c, upstreamId);
    } catch (error) {
      throw await attempts.recordFailure(provider, key, error);
    }
  };

  return {
    async *streamChat(modelId, messages, signal) {
      // The first chunk is awaited inside the attempt: until text has arrived, a failure may still fall back.
      const { value, provider, key } = await attempts.run(modelId, ['chat'], async (target, k) => {
        const text = client(target, k).text;
        if (!text) throw new ProviderError('rejected', `provider "${target.route.provider}" has no chat`);
        const iterator = text
          .streamChat({ model: target.route.model, messages, signal })
          [Symbol.asyncIterator]();
        return { iterator, first: await iterator.next() };
      });
      const { iterator } = value;
      let next: IteratorResult<TChatChunk> = value.first;
      try {
        while (!next.done) {
          yield next.value;
          try {
            next = await iterator.next();
          } catch (error) {
            // Text has been shown: a restart elsewhere would repeat it, so the failure goes to the caller.
            throw await attempts.recordFailure(provider, key, error);
          }
        }
      } finally {
        // A caller that stops reading early (the user pressed stop) closes the HTTP stream.
        if (!next.done) await iterator.return?.();
      }
    },

    async submit(modelId, request) {
      const { value, provider, key } = await attempts.run(
        modelId,
        ['image', 'image-edit', 'video', 'music'],
        (target, k, operation) =>
          client(target, k).submit(operation, { ...request, model: target.route.model }),
      );
      const jobId = encodeJobHandle(key.fingerprint, value.jobId);
      return value.output ? { provider, jobId, output: value.output } : { provider, jobId };
    },

    poll: (provider, jobId) => onJob(provider, jobId, (c, id) => c.poll(id)),

    cancel: (provider, jobId) => onJob(provider, jobId, (c, id) => c.cancel(id)),

    async transcribe(input) {
      const { value } = await attempts.run(TRANSCRIBE_MODEL, ['transcribe'], (target, k) => {
        const speech = client(target, k).speech;
        if (!speech) throw new ProviderError('rejected', `provider "${target.route.provider}" has no speech`);
        return speech.transcribe({ ...input, model: target.route.model });
      });
      return value;
    },

    async speak(input) {
      const { value } = await attempts.run(SPEECH_MODEL, ['speech'], (target, k) => {
        const speech = client(target, k).speech;
        if (!speech) throw new ProviderError('rejected', `provider "${target.route.provider}" has no speech`);
        return speech.speak({ ...input, model: target.route.model });
      });
      return value;
    },

    serves: (modelId) => (attempts.usableRoutes(modelId)?.routes.length ?? 0) > 0,
  };
}

/** What start-up logs: providers by name with key fingerprints, never the keys. */
export function describeAiConfig(config: TAiConfig) {
  return Object.entries(config.providers).map(([name, p]) => ({
    name,
    type: p.type,
    baseUrl: p.baseUrl,
    keys: p.keys.map(keyFingerprint),
  }));
}
