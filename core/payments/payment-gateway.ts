import type { Payment, PaymentProvider } from '#core/db/generated/client.ts';
import type { TLang } from '#core/i18n/translator.ts';

/**
 * What the payment flow needs from a provider, implemented once per provider (core/payments/<provider>/ or,
 * for Stars, by the bot adapter that owns the Telegram API). Amounts are minor units of the payment's currency.
 */
export interface PaymentGateway {
  /** Opens the provider side of a checkout: a redirect page, a crypto invoice, a Stars invoice link. */
  open(
    payment: Payment,
    /** `description` is in `lang`, the buyer's language, as is whatever else the provider shows them. */
    opts: { description: string; lang: TLang; returnUrl: string; email?: string | null },
  ): Promise<{
    providerPaymentId?: string;
    confirmationUrl: string;
  }>;
  /** Gives money back through the provider; throws if the provider refuses. */
  refund(
    payment: Payment,
    amount: bigint,
    opts: { idempotenceKey: string; reason: string },
  ): Promise<{ providerRefundId: string }>;
}

export type PaymentGateways = Partial<Record<PaymentProvider, PaymentGateway>>;
