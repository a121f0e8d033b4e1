import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { ZCryptoPayInvoiceSchema } from './cryptopay-schemas.ts';

/**
 * Crypto Pay webhooks. Each update is POSTed as JSON with the header `crypto-pay-api-signature`:
 * hex HMAC-SHA-256 of the raw request body, keyed with SHA-256 of the app's API token. Verify it on the
 * exact bytes received, before parsing (re-serialized JSON would not match). Only `invoice_paid`
 * updates exist today and only they are acted on. Crypto Pay repeats an update until it gets HTTP 200,
 * so crediting must be idempotent (keyed by `payload.invoice_id`).
 */

const SIGNATURE_HEX = /^[0-9a-f]{64}$/i;

export function signCryptoPayBody(rawBody: Buffer | string, token: string): string {
  const secret = createHash('sha256').update(token).digest();
  return createHmac('sha256', secret).update(rawBody).digest('hex');
}

/** Constant-time check of the `crypto-pay-api-signature` header; false for a missing or malformed one. */
export function verifyCryptoPaySignature(
  rawBody: Buffer,
  signatureHeader: string | undefined,
  token: string,
): boolean {
  if (signatureHeader === undefined || !SIGNATURE_HEX.test(signatureHeader.trim())) return false;
  const expected = Buffer.from(signCryptoPayBody(rawBody, token), 'hex');
  const given = Buffer.from(signatureHeader.trim(), 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

export const ZCryptoPayUpdateSchema = z.object({
  update_id: z.number().int(),
  update_type: z.literal('invoice_paid'),
  request_date: z.string(),
  payload: ZCryptoPayInvoiceSchema,
});
export type TCryptoPayUpdate = z.output<typeof ZCryptoPayUpdateSchema>;

export type TCryptoPayUpdateParse =
  | { ok: true; update: TCryptoPayUpdate }
  /** `unsupported_update_type`: a well-formed update of a kind Polygram ignores; answer 200. */
  | { ok: false; reason: 'invalid_json' | 'invalid_update' | 'unsupported_update_type'; detail: string };

/** Parses a body whose signature was already verified. Never throws on bad input. */
export function parseCryptoPayUpdate(rawBody: Buffer | string): TCryptoPayUpdateParse {
  let json: unknown;
  try {
    json = JSON.parse(rawBody.toString()) as unknown;
  } catch (err) {
    return { ok: false, reason: 'invalid_json', detail: err instanceof Error ? err.message : String(err) };
  }
  const kind = z.object({ update_type: z.string() }).safeParse(json);
  if (kind.success && kind.data.update_type !== 'invoice_paid') {
    return { ok: false, reason: 'unsupported_update_type', detail: kind.data.update_type };
  }
  const parsed = ZCryptoPayUpdateSchema.safeParse(json);
  if (!parsed.success) return { ok: false, reason: 'invalid_update', detail: z.prettifyError(parsed.error) };
  return { ok: true, update: parsed.data };
}
