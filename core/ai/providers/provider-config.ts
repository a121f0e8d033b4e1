import { z } from 'zod';
import { findCatalogModel } from '#core/ai/model-catalog.ts';
import { DEFAULT_ROUTES, type TRoute } from './provider-routes.ts';

/**
 * Which providers exist and which of them serve each catalog model: configuration, not code, so a model can
 * move to another provider (or gain a fallback) without a deploy of its callers.
 *
 * AI_PROVIDERS names each provider with its API flavour, base URL and keys; AI_ROUTES replaces the default
 * route list (provider-routes.ts) of the models it names. Keys are secrets: nothing here logs them, and
 * error messages never echo the raw variable (a JSON.parse message quotes the input).
 */

export const ZProviderNameSchema = z
  .string()
  .regex(/^[a-z][a-z0-9_-]{0,31}$/, 'provider names are 1-32 characters of a-z, 0-9, _ and -');

export const ZProviderConfigSchema = z.strictObject({
  /** `openai`: the OpenAI API or any gateway that speaks it; `prediction`: Replicate-style create → poll. */
  type: z.enum(['openai', 'prediction']),
  baseUrl: z.url(),
  keys: z
    .array(z.string().min(1))
    .min(1, 'needs at least one key')
    .transform((keys) => [...new Set(keys)]),
  /** One HTTP request's limit (a chat stream, an image, an output download). */
  timeoutMs: z.number().int().min(1_000).max(900_000).default(120_000),
});
export type TProviderConfig = z.output<typeof ZProviderConfigSchema>;

export const ZProvidersSchema = z.record(ZProviderNameSchema, ZProviderConfigSchema);
export type TProviders = z.output<typeof ZProvidersSchema>;

export const ZRouteSchema = z.strictObject({
  provider: ZProviderNameSchema,
  /** The upstream model id: `gpt-4o`, `anthropic/claude-sonnet-4.5`, `black-forest-labs/flux-schnell`. */
  model: z.string().min(1).max(200),
});

export const ZRoutesSchema = z
  .record(z.string(), z.array(ZRouteSchema).min(1, 'needs at least one route'))
  .superRefine((routes, ctx) => {
    for (const id of Object.keys(routes))
      if (!findCatalogModel(id))
        ctx.addIssue({ code: 'custom', path: [id], message: `"${id}" is not a model of the catalog` });
  });
export type TRoutes = Record<string, TRoute[]>;

const parseJson = (raw: string, ctx: z.RefinementCtx): unknown => {
  try {
    return JSON.parse(raw);
  } catch {
    ctx.addIssue({ code: 'custom', message: 'is not valid JSON' });
    return z.NEVER;
  }
};

/** AI_PROVIDERS: none configured by default, and then no model is served (the app still starts). */
export const ZAiProvidersEnvSchema = z.string().default('{}').transform(parseJson).pipe(ZProvidersSchema);

/** AI_ROUTES: optional; models it does not name keep their default routes. */
export const ZAiRoutesEnvSchema = z
  .string()
  .optional()
  .transform((raw, ctx) => (raw === undefined || raw.trim() === '' ? {} : parseJson(raw, ctx)))
  .pipe(ZRoutesSchema);

export interface TAiConfig {
  providers: TProviders;
  /** Every catalog model's routes, defaults merged with AI_ROUTES; unconfigured providers still listed. */
  routes: TRoutes;
}

export function aiConfigOf(env: { AI_PROVIDERS: TProviders; AI_ROUTES: TRoutes }): TAiConfig {
  return { providers: env.AI_PROVIDERS, routes: { ...DEFAULT_ROUTES, ...env.AI_ROUTES } };
}
