// The panel's webhooks: `{ scope, event, timestamp, data, meta? }` POSTed as compact JSON with
// `X-Remnawave-Signature` = hex HMAC-SHA256 of the raw body keyed with WEBHOOK_SECRET_HEADER
// (the timestamp header repeats `timestamp` and is not signed). The panel retries a few times on
// any error or non-2xx answer, then drops the event.
import { createHmac } from 'node:crypto';
import type { RemnawaveWebhookEventSchema } from '@remnawave/backend-contract';
import type { Logger } from '#sandbox/http-stand-in/http-basics.ts';
import { WebhookOutbox } from '#sandbox/http-stand-in/webhook-outbox.ts';
import { deviceJson, nodeJson, userJson } from './remnawave-json.ts';
import type { TWire } from './remnawave-replies.ts';
import type { TSquad } from './remnawave-sample-infra.ts';
import type { TPanelEvent } from './remnawave-store.ts';

export type TWebhookPayload = TWire<typeof RemnawaveWebhookEventSchema>;

export type TWebhookOptions = {
  url: string | undefined;
  secret: string;
  attempts: number;
  delayMs: number;
  logger?: Logger;
};

export function signRemnawaveBody(raw: string, secret: string): string {
  return createHmac('sha256', secret).update(raw).digest('hex');
}

export function webhookPayload(
  event: TPanelEvent,
  squads: readonly TSquad[],
  subscriptionBase: string,
  at: Date,
): TWebhookPayload {
  const timestamp = at.toISOString();
  switch (event.scope) {
    case 'user':
      return {
        scope: 'user',
        event: event.event,
        timestamp,
        data: userJson(event.user, squads, subscriptionBase),
        // User-scope events always carry meta; null when there is nothing to say.
        meta: event.meta,
      };
    case 'user_hwid_devices':
      return {
        scope: 'user_hwid_devices',
        event: event.event,
        timestamp,
        data: {
          user: userJson(event.user, squads, subscriptionBase),
          hwidUserDevice: deviceJson(event.device, event.user.id),
        },
      };
    case 'node':
      return {
        scope: 'node',
        event: event.event,
        timestamp,
        data: nodeJson(event.node, squads),
      };
  }
}

export class RemnawaveWebhooks {
  readonly outbox: WebhookOutbox;

  constructor(private readonly opts: TWebhookOptions) {
    this.outbox = new WebhookOutbox({
      url: opts.url,
      attempts: opts.attempts,
      delayMs: opts.delayMs,
      // The panel's job succeeds on any 2xx.
      accepts: (status) => status >= 200 && status < 300,
      logger: opts.logger,
    });
  }

  send(payload: TWebhookPayload): void {
    const raw = JSON.stringify(payload);
    this.outbox.enqueue(raw, this.headers(raw, payload.timestamp, this.opts.secret));
  }

  /** One POST, no retry: a forged or unsigned delivery (`signWith: null`) for the receiver's tests. */
  sendOnce(body: unknown, signWith: string | null = this.opts.secret): Promise<{ status: number }> {
    if (this.opts.url === undefined) throw new Error('remnawave stand-in: no webhookUrl configured');
    const raw = typeof body === 'string' ? body : JSON.stringify(body);
    const headers =
      signWith === null
        ? { 'user-agent': 'Remnawave' }
        : this.headers(raw, new Date().toISOString(), signWith);
    return this.outbox.sendOnce(this.opts.url, raw, headers);
  }

  private headers(raw: string, timestamp: string, secret: string): Record<string, string> {
    return {
      'x-remnawave-signature': signRemnawaveBody(raw, secret),
      'x-remnawave-timestamp': timestamp,
      'user-agent': 'Remnawave',
    };
  }
}
