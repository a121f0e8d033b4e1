import type { Update } from 'grammy/types';
import type { BotRecord, WebhookConfig } from '#sandbox/telegram/state/bot-record.ts';

/** Retry backoff for failed deliveries. Telegram waits longer; tests need quick recovery. */
const FIRST_RETRY_MS = 100;
const MAX_RETRY_MS = 2_000;
/** How long a webhook may take to answer before the delivery counts as failed. */
const DELIVERY_TIMEOUT_MS = 10_000;

export type WebhookReplyHandler = (bot: BotRecord, payload: Record<string, unknown>) => Promise<void>;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describeFailure(error: unknown): string {
  const cause = error instanceof Error && isRecord(error.cause) ? error.cause : undefined;
  if (cause?.code === 'ECONNREFUSED') return 'Connection refused';
  if (error instanceof Error && error.name === 'TimeoutError') return 'Read timeout expired';
  return error instanceof Error ? error.message : String(error);
}

/**
 * Pushes one bot's queued updates to its webhook, one POST per update in
 * order, with the `X-Telegram-Bot-Api-Secret-Token` header when a secret was
 * set. A non-2xx answer or a network error is recorded for getWebhookInfo
 * and retried with backoff; the update stays queued until a delivery succeeds.
 * A JSON body with a `method` field is executed like Telegram's "reply to a
 * webhook" feature.
 *
 * Simplification: deliveries are sequential (Telegram uses up to
 * max_connections parallel connections).
 */
export class WebhookDeliverer {
  readonly #abort = new AbortController();
  readonly #unsubscribe: () => void;
  #running = false;

  constructor(
    private readonly bot: BotRecord,
    private readonly onReply: WebhookReplyHandler,
    private readonly logger: (msg: string) => void,
  ) {
    this.#unsubscribe = bot.updates.onPush(() => this.kick());
  }

  kick(): void {
    if (this.#running || this.#abort.signal.aborted) return;
    this.#running = true;
    void this.#loop().finally(() => {
      this.#running = false;
      // An update may have been queued while the loop was finishing.
      if (this.bot.webhook && this.bot.updates.size > 0 && !this.#abort.signal.aborted) this.kick();
    });
  }

  stop(): void {
    this.#unsubscribe();
    this.#abort.abort();
  }

  async #loop(): Promise<void> {
    let retryMs = FIRST_RETRY_MS;
    while (!this.#abort.signal.aborted) {
      const config = this.bot.webhook;
      const [update] = this.bot.updates.peek(1);
      if (!config || !update) return;
      if (await this.#deliver(update, config)) {
        this.bot.updates.confirm(update.update_id + 1);
        retryMs = FIRST_RETRY_MS;
      } else {
        await this.#sleep(retryMs);
        retryMs = Math.min(retryMs * 2, MAX_RETRY_MS);
      }
    }
  }

  #sleep(ms: number): Promise<void> {
    const signal = this.#abort.signal;
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        signal.removeEventListener('abort', done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      signal.addEventListener('abort', done, { once: true });
    });
  }

  async #deliver(update: Update, config: WebhookConfig): Promise<boolean> {
    const at = Date.now();
    let body: string;
    try {
      const response = await fetch(config.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(config.secretToken ? { 'X-Telegram-Bot-Api-Secret-Token': config.secretToken } : {}),
        },
        body: JSON.stringify(update),
        signal: AbortSignal.any([this.#abort.signal, AbortSignal.timeout(DELIVERY_TIMEOUT_MS)]),
      });
      body = await response.text();
      if (!response.ok) {
        const message = `Wrong response from the webhook: ${response.status} ${response.statusText}`;
        this.#fail(config, message);
        this.bot.recordDelivery({ update, at, status: response.status, ok: false, error: message });
        return false;
      }
      this.bot.recordDelivery({ update, at, status: response.status, ok: true });
    } catch (error) {
      if (this.#abort.signal.aborted) return false;
      const message = describeFailure(error);
      this.#fail(config, message);
      this.bot.recordDelivery({ update, at, ok: false, error: message });
      return false;
    }
    await this.#handleReply(body);
    return true;
  }

  async #handleReply(body: string): Promise<void> {
    if (body.trim() === '') return;
    let payload: unknown;
    try {
      payload = JSON.parse(body);
    } catch {
      return;
    }
    if (!isRecord(payload) || typeof payload.method !== 'string') return;
    try {
      await this.onReply(this.bot, payload);
    } catch (error) {
      this.logger(
        `webhook reply ${payload.method} failed: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }

  #fail(config: WebhookConfig, message: string): void {
    config.lastErrorDate = Math.floor(Date.now() / 1000);
    config.lastErrorMessage = message;
    this.logger(`webhook delivery for bot ${this.bot.id} failed: ${message}`);
  }
}
