import type { AiRequest, StoredFile } from '#core/db/generated/client.ts';

/**
 * How a generation talks to the person who asked: the worker implements it with the user bot's Telegram API
 * (status message edits, the result as photo / video / audio / document). The domain only says what happened.
 */
export interface TGenerationDelivery {
  /** The provider is working on it; `percent` where the provider says. Called on every poll: throttle inside. */
  progress(request: AiRequest, percent: number | undefined): Promise<void>;
  /** Hands the result over. `undeliverable`: the chat is gone or the bot blocked, nobody can receive it. */
  deliver(
    request: AiRequest,
    result: { file: StoredFile; bytes: Buffer },
  ): Promise<'delivered' | 'undeliverable'>;
  /** After the charge: `charged` is what was captured (the status message says it). */
  done(request: AiRequest): Promise<void>;
  /** The request failed (`errorCode` on the row says why) and nothing was charged. */
  failed(request: AiRequest): Promise<void>;
}

/** Failure codes on `ai_requests.error_code`; each has a message `generate-failed-<code>` in locales. */
export type TGenerationFailure =
  | 'provider_rejected'
  | 'provider_failed'
  | 'provider_unavailable'
  | 'timeout'
  | 'undeliverable'
  | 'internal';
