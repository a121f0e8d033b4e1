import type { AiRequest, StoredFile } from '#core/db/generated/client.ts';

/** The stored result, as the chat receives it. */
export interface TResult {
  file: StoredFile;
  bytes: Buffer;
}

/** One new message: Telegram's id for it, or `undeliverable` (the chat is gone or the bot blocked). */
export type TSent = { messageId: number } | 'undeliverable';

/**
 * How a generation talks to the person who asked: the worker implements it with the user bot's Telegram API.
 * The domain decides what is said and when, and journals every new message (send-once.ts), so each method
 * sends one message or makes one edit and reports what Telegram answered.
 *
 * A send that fails because Telegram answered with an error throws `MessageNotSent`: nothing went out. Any
 * other error (the connection broke, Telegram's 5xx) leaves it unknown whether the message arrived.
 */
export interface TGenerationDelivery {
  /** The provider is working on it; `percent` where the provider says. Called on every poll: throttle inside. */
  progress(request: AiRequest, percent: number | undefined): Promise<void>;
  /** How many messages the result takes, sent in order as parts 0, 1, …: today always one. */
  resultParts(request: AiRequest, result: TResult): number;
  /** Sends part `part` of the result (a photo, video, audio or document; a link past the upload limit). */
  sendResult(request: AiRequest, result: TResult, part: number): Promise<TSent>;
  /**
   * Instead of a second copy of a result message whose fate nobody saw (deliver-result.ts): a short note
   * that the result may not have arrived, with its download link, or the way to the gallery.
   */
  sendResultNote(request: AiRequest, result: TResult): Promise<TSent>;
  /** Edits the status message to the row's outcome (done and what was charged, or failed): safe to repeat. */
  showOutcome(request: AiRequest): Promise<void>;
  /** A new message after a failure (an edit does not notify): why, and that nothing was charged. */
  sendFailure(request: AiRequest): Promise<TSent>;
}

/** Telegram answered a send with an error: the message did not go out, sending it again is safe. */
export class MessageNotSent extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'MessageNotSent';
  }
}

/**
 * Failure codes on `ai_requests.error_code`; each has a message in locales (status-text.ts FAILURE_KEYS).
 * `content_refused` only when the provider said its content rules refused the request; anything else the
 * provider got wrong (a bad request, an unknown model, a failed job, the wrong kind of output) is
 * `provider_failed`.
 */
export type TGenerationFailure =
  | 'content_refused'
  | 'provider_failed'
  | 'provider_unavailable'
  | 'timeout'
  | 'undeliverable'
  | 'internal';
