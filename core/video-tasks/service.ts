import type { TServiceModule } from '#core/services/service-module.ts';
import { videoTaskErrors } from './errors.ts';
import { VIDEO_TASK_PRODUCTS } from './products.ts';

/** Video tasks (spec 003): bundles of tokens; runs are charged through the ai queue like any generation. */
export const videoTasksService = {
  id: 'video-tasks',
  products: VIDEO_TASK_PRODUCTS,
  fulfilments: [],
  errors: videoTaskErrors,
} satisfies TServiceModule;
