import {
  createConcurrentSink,
  createRunner,
  createSource,
  createUpdateFetcher,
  type RunnerHandle,
  type UpdateSink,
} from '@grammyjs/runner';
import type { Bot, BotError, Context } from 'grammy';
import type { Update } from 'grammy/types';
import type { Logger } from '#core/logging/logger.ts';

/**
 * How long fetching waits for a payment's handling. Past it the batch is confirmed anyway (the bot must
 * keep taking updates) and the Stars reconciliation (workers/star-reconciliation.ts) is that payment's
 * guarantee. confirmPayment itself gives up after its 30 s transaction timeout.
 */
const PAYMENT_HANDLING_WAIT_MS = 45_000;

/** Updates whose loss loses money: Telegram must keep them until they are handled. */
const isPayment = (update: Update) => update.message?.successful_payment !== undefined;

/**
 * Long polling as @grammyjs/runner's `run(bot)` does it (updates handled concurrently), except that a batch
 * with a successful payment is confirmed to Telegram only after those payments were handled.
 *
 * Telegram drops updates once a getUpdates call passes a higher offset. `run()` asks for the next batch as
 * soon as its sink has room, so a batch is confirmed while it is still being handled and an app killed in
 * between loses it; for `successful_payment` that means the Stars are taken and nothing is credited.
 * `run()` has no option against that, but the runner's parts are public: this sink resolves only once the
 * batch's payment updates are handled, and the source fetches (and so confirms) the next batch only then.
 * Other updates of the batch run on concurrently; fetching pauses for as long as a payment takes. After a
 * crash Telegram delivers the payment again and confirmPayment books it once.
 *
 * The bot must be initialized (`bot.init()`), as bots/main.ts does before polling starts.
 */
export function runPolling<C extends Context>(bot: Bot<C>, logger: Logger): RunnerHandle {
  const fetchUpdates = createUpdateFetcher(bot);
  const source = createSource({ supply: fetchUpdates });
  const handled = new Map<number, () => void>();
  const paymentHandled = (updateId: number) =>
    new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        handled.delete(updateId);
        resolve();
      };
      const timer = setTimeout(() => {
        logger.warn({ updateId }, 'payment still being handled; its update is confirmed to Telegram anyway');
        done();
      }, PAYMENT_HANDLING_WAIT_MS);
      handled.set(updateId, done);
    });
  const concurrent = createConcurrentSink<Update, BotError<C>>(
    {
      consume: async (update) => {
        try {
          await bot.handleUpdate(update);
        } finally {
          handled.get(update.update_id)?.();
        }
      },
    },
    async (error) => {
      try {
        await bot.errorHandler(error);
      } catch (handlerError) {
        logger.error({ err: String(handlerError) }, 'the bot error handler failed');
      }
    },
  );
  const sink: UpdateSink<Update> = {
    size: () => concurrent.size(),
    snapshot: () => concurrent.snapshot(),
    async handle(updates) {
      const payments = updates.filter(isPayment).map((update) => paymentHandled(update.update_id));
      const capacity = await concurrent.handle(updates);
      await Promise.all(payments);
      return capacity;
    },
  };
  const runner = createRunner(source, sink);
  runner.start();
  return runner;
}
