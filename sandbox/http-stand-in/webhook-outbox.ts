// Outgoing webhook deliveries with retries, shared by the provider stand-ins (YooKassa, Crypto Pay, Remnawave).
import { setTimeout as sleep } from 'node:timers/promises';
import type { Logger } from './http-basics.ts';

export type TDelivery = {
  body: string;
  headers: Record<string, string>;
  attempts: number;
  delivered: boolean;
  lastStatus?: number;
  lastError?: string;
};

export type TOutboxOptions = {
  /** No URL: deliveries are recorded as undelivered and nothing is sent. */
  url: string | undefined;
  /** Tries per delivery, the first included. */
  attempts: number;
  /** Delay before the second try; doubles each time. */
  delayMs: number;
  /** Which answers count as received; default only HTTP 200, as YooKassa and Crypto Pay. */
  accepts?: (status: number) => boolean;
  logger?: Logger;
};

const ATTEMPT_TIMEOUT_MS = 10_000;

export class WebhookOutbox {
  private readonly deliveries: TDelivery[] = [];
  private readonly inFlight = new Set<Promise<void>>();
  private readonly stop = new AbortController();

  constructor(private readonly opts: TOutboxOptions) {}

  /** Queues a delivery that is retried until the receiver answers HTTP 200 or the tries run out. */
  enqueue(body: string, headers: Record<string, string> = {}): void {
    const delivery: TDelivery = { body, headers, attempts: 0, delivered: false };
    this.deliveries.push(delivery);
    const url = this.opts.url;
    if (url === undefined) return;
    const run = this.deliverWithRetries(url, delivery).finally(() => this.inFlight.delete(run));
    this.inFlight.add(run);
  }

  /** One attempt, no retry, no record: for tests that forge or replay deliveries. */
  async sendOnce(
    url: string,
    body: string,
    headers: Record<string, string> = {},
  ): Promise<{ status: number }> {
    const response = await this.post(url, body, headers);
    await response.arrayBuffer();
    return { status: response.status };
  }

  list(): readonly TDelivery[] {
    return this.deliveries;
  }

  /** Resolves when every queued delivery has succeeded or given up. */
  async flush(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.all([...this.inFlight]);
  }

  close(): void {
    this.stop.abort();
  }

  private async deliverWithRetries(url: string, delivery: TDelivery): Promise<void> {
    for (let attempt = 1; attempt <= this.opts.attempts && !this.stop.signal.aborted; attempt++) {
      delivery.attempts = attempt;
      try {
        const response = await this.post(url, delivery.body, delivery.headers);
        await response.arrayBuffer();
        delivery.lastStatus = response.status;
        if ((this.opts.accepts ?? ((status) => status === 200))(response.status)) {
          delivery.delivered = true;
          return;
        }
      } catch (err) {
        if (this.stop.signal.aborted) return;
        delivery.lastError = err instanceof Error ? err.message : String(err);
      }
      this.opts.logger?.(
        `webhook to ${url}: attempt ${attempt} failed (${delivery.lastStatus ?? delivery.lastError})`,
      );
      if (attempt < this.opts.attempts) {
        try {
          await sleep(this.opts.delayMs * 2 ** (attempt - 1), undefined, { signal: this.stop.signal });
        } catch {
          return; // close() aborted the wait: the stand-in is shutting down.
        }
      }
    }
  }

  private post(url: string, body: string, headers: Record<string, string>): Promise<Response> {
    return fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body,
      signal: AbortSignal.any([this.stop.signal, AbortSignal.timeout(ATTEMPT_TIMEOUT_MS)]),
    });
  }
}
