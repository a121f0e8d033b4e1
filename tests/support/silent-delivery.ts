import type { TGenerationDelivery } from '#core/ai/generation/generation-delivery.ts';

/**
 * A generation delivery for requests without a chat (the Mini App's, video-task runs): the engine never
 * calls it for them, so any call is a bug the test should see.
 */
const unexpected = (what: string) => () => {
  throw new Error(`a request without a chat was asked to ${what}`);
};

export const silentDelivery: TGenerationDelivery = {
  progress: async () => {},
  resultParts: () => 1,
  sendResult: unexpected('send its result'),
  sendResultNote: unexpected('send a note'),
  showOutcome: async () => {},
  sendFailure: unexpected('send a failure notice'),
};
