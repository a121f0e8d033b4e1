import { randomBytes } from 'node:crypto';
import { findCatalogModel } from '#core/ai/model-catalog.ts';
import { DEFAULT_ROUTES } from '#core/ai/providers/provider-routes.ts';
import { DEFAULT_MODELS } from '#sandbox/openai/model-catalog.ts';
import { startOpenAiStandIn } from '#sandbox/openai/openai-stand-in.ts';
import { isModelTool, type TModelKind, type TModelSpec } from '#sandbox/predictions/model-specs.ts';
import { startPredictionStandIn } from '#sandbox/predictions/prediction-stand-in.ts';
import { defineStandIn } from './stand-in.ts';

const KIND_OF: Record<string, TModelKind> = { video: 'video', audio: 'audio', vectorize: 'vectorize' };

/**
 * Both AI stand-ins with every model of the default routes known to them, so the app's own routes (realistic
 * upstream ids) are what the sandbox and e2e tests exercise: the OpenAI-compatible one also plays the
 * multi-model gateway, the prediction one gets each model's output kind from the catalog. Two keys each, for
 * rotation.
 */
export const aiStandIn = defineStandIn({
  async start(ctx) {
    const routes = Object.entries(DEFAULT_ROUTES).flatMap(([id, list]) =>
      list.map((route) => ({ id, ...route })),
    );
    const openAiModels = routes.filter((r) => r.provider !== 'replicate').map((r) => r.model);
    const predictionModels: Record<string, TModelSpec> = {};
    for (const route of routes.filter((r) => r.provider === 'replicate')) {
      const model = findCatalogModel(route.id);
      const kind = model?.output === 'svg' ? 'vectorize' : (KIND_OF[model?.kind ?? ''] ?? 'image');
      // The photo tools' catalog ids are the stand-in's tool names.
      predictionModels[route.model] = { kind, ...(isModelTool(route.id) && { tool: route.id }) };
    }
    const keys = [`sk-e2e-${randomBytes(12).toString('hex')}`, `sk-e2e-${randomBytes(12).toString('hex')}`];
    const tokens = [`r8_e2e${randomBytes(12).toString('hex')}`, `r8_e2e${randomBytes(12).toString('hex')}`];
    const openai = await startOpenAiStandIn({
      port: ctx.port('openai'),
      keys,
      models: [...new Set([...DEFAULT_MODELS, ...openAiModels])],
      logger: ctx.logger,
    });
    const predictions = await startPredictionStandIn({
      port: ctx.port('predictions'),
      tokens,
      models: predictionModels,
      defaults: { delayMs: 1_000 },
      logger: ctx.logger,
    });
    const provider = { type: 'openai', baseUrl: openai.apiBase, keys };
    return {
      name: 'the AI stand-ins (OpenAI-compatible and predictions)',
      url: openai.url,
      env: {
        AI_PROVIDERS: JSON.stringify({
          openai: provider,
          gateway: provider,
          replicate: { type: 'prediction', baseUrl: `${predictions.url}/v1`, keys: tokens },
        }),
      },
      control: {
        openai: { url: openai.url, apiBase: openai.apiBase, keys, control: openai.control },
        predictions: { url: predictions.url, tokens, control: predictions.control },
      },
      close: async () => {
        await Promise.allSettled([openai.close(), predictions.close()]);
      },
    };
  },
});
