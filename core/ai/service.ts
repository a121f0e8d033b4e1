import type { TServiceModule } from '#core/services/service-module.ts';
import { aiEnv } from './env.ts';
import { aiErrors } from './errors.ts';
import { aiSubscriptionFulfilment } from './fulfilments/ai-subscription.ts';
import { aiUnlimitedFulfilment } from './fulfilments/ai-unlimited.ts';
import { AI_PRODUCTS } from './products.ts';

/** The AI studio (spec 004) as the platform sees it: what it sells and how that is delivered and refunded. */
export const aiService = {
  id: 'ai',
  products: AI_PRODUCTS,
  fulfilments: [aiSubscriptionFulfilment, aiUnlimitedFulfilment],
  errors: aiErrors,
  env: aiEnv,
} satisfies TServiceModule;
