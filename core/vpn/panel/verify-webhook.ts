import { createHmac, timingSafeEqual } from 'node:crypto';
import { parsePanelWebhookEvent, type TPanelWebhookEvent } from './panel-webhook-event.ts';

/** The panel's webhooks are one user or node each; anything bigger is not from it (Bedolaga caps the same). */
export const MAX_WEBHOOK_BYTES = 64 * 1024;

export type TWebhookRefusal = 'too_large' | 'missing_signature' | 'bad_signature' | 'malformed';

export type TWebhookVerification =
  | { ok: true; event: TPanelWebhookEvent }
  | { ok: false; refusal: TWebhookRefusal };

/**
 * Checks a panel webhook: `X-Remnawave-Signature` is hex HMAC-SHA256 of the raw body keyed with the
 * panel's WEBHOOK_SECRET_HEADER. Over the raw bytes: the panel signs its own compact JSON, which a parse and
 * re-serialise would not reproduce. The timestamp header is not signed and the panel enforces no replay
 * window, so the caller makes handling idempotent instead.
 */
export function verifyPanelWebhook(opts: {
  rawBody: Buffer | string;
  signature: string | undefined;
  secret: string;
}): TWebhookVerification {
  const body = typeof opts.rawBody === 'string' ? Buffer.from(opts.rawBody) : opts.rawBody;
  if (body.length > MAX_WEBHOOK_BYTES) return { ok: false, refusal: 'too_large' };
  const signature = opts.signature?.trim();
  if (!signature) return { ok: false, refusal: 'missing_signature' };
  if (!/^[0-9a-fA-F]{64}$/.test(signature)) return { ok: false, refusal: 'bad_signature' };
  const expected = createHmac('sha256', opts.secret).update(body).digest();
  if (!timingSafeEqual(expected, Buffer.from(signature, 'hex')))
    return { ok: false, refusal: 'bad_signature' };

  let payload: unknown;
  try {
    payload = JSON.parse(body.toString('utf8'));
  } catch {
    return { ok: false, refusal: 'malformed' };
  }
  const event = parsePanelWebhookEvent(payload);
  return event ? { ok: true, event } : { ok: false, refusal: 'malformed' };
}
