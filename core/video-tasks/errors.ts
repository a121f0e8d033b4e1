import { defineErrors } from '#core/errors/error-catalog.ts';

/**
 * Video tasks' own failures. TASK_MATERIAL_LIMIT carries `kind` and `max`, TASK_PRICE_CHANGED `price`. The
 * API's wording fits the bot too, so both read the same keys.
 */
export const videoTaskErrors = defineErrors({
  TASK_MATERIAL_LIMIT: {
    status: 409,
    bot: 'api-error-task-material-limit',
    api: 'api-error-task-material-limit',
  },
  TASK_MATERIAL_MISSING: {
    status: 409,
    bot: 'api-error-task-material-missing',
    api: 'api-error-task-material-missing',
  },
  TASK_PROMPT_REQUIRED: {
    status: 400,
    bot: 'api-error-task-prompt-required',
    api: 'api-error-task-prompt-required',
  },
  TASK_RUN_ACTIVE: { status: 409, bot: 'api-error-task-run-active', api: 'api-error-task-run-active' },
  TASK_PRICE_CHANGED: {
    status: 409,
    bot: 'api-error-task-price-changed',
    api: 'api-error-task-price-changed',
  },
});

declare module '#core/errors/app-error.ts' {
  interface TErrorCodes extends Record<keyof typeof videoTaskErrors, true> {}
}
