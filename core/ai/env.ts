import { ZAiProvidersEnvSchema, ZAiRoutesEnvSchema } from './providers/provider-config.ts';

/** The AI studio's variables: a fragment of the one env schema (core/config/env.ts merges it). */
export const aiEnv = {
  /**
   * AI providers as JSON: `{"openai":{"type":"openai","baseUrl":"https://api.openai.com/v1","keys":["sk-…"]}}`
   * (core/ai/providers/provider-config.ts). None by default: then no AI model is served.
   */
  AI_PROVIDERS: ZAiProvidersEnvSchema,
  /**
   * Optional JSON replacing the default routes of the models it names, primary first:
   * `{"gpt-4o":[{"provider":"openai","model":"gpt-4o"},{"provider":"gateway","model":"openai/gpt-4o"}]}`.
   */
  AI_ROUTES: ZAiRoutesEnvSchema,
};
