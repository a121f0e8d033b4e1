import { useState } from 'react';
import type { PayInvoiceResult } from '../../../telegram/types.ts';
import type { TClientStrings } from '../client-strings.ts';
import { Parts, useClientStrings } from '../client-strings-context.tsx';
import { CloseIcon } from './icons.tsx';
import { Price } from './Price.tsx';

export interface TSheetInvoice {
  title: string;
  description: string;
  currency: string;
  total_amount: number;
  botTitle: string;
}

export type TSheetOutcome = 'paid' | 'cancelled' | 'failed';

/** Why a payment did not go through, worded as the user sees it. */
function failureText(result: Exclude<PayInvoiceResult, { status: 'paid' }>, strings: TClientStrings): string {
  switch (result.status) {
    case 'rejected':
      // Telegram shows the bot's own error_message from answerPreCheckoutQuery.
      return result.errorMessage;
    case 'timeout':
      return strings.payment.timeout;
    case 'failed':
      return strings.payment.cardDeclined;
  }
}

/**
 * Telegram's payment confirmation for Stars: what is bought, from whom, for how much. "Pay" goes through
 * pre_checkout_query and successful_payment on the local Bot API; "Decline card" makes the payment fail
 * after the bot approved it; the bot refusing the pre-checkout query shows its error here.
 */
export function PaymentSheet(props: {
  invoice: TSheetInvoice | undefined;
  loadError?: string | undefined;
  onPay: (outcome: 'pay' | 'decline_card') => Promise<PayInvoiceResult>;
  onClose: (outcome: TSheetOutcome) => void;
}) {
  const [phase, setPhase] = useState<'idle' | 'paying' | { failure: string }>('idle');
  const strings = useClientStrings();
  const pay = async (outcome: 'pay' | 'decline_card') => {
    setPhase('paying');
    try {
      const result = await props.onPay(outcome);
      if (result.status === 'paid') props.onClose('paid');
      else setPhase({ failure: failureText(result, strings) });
    } catch (error) {
      setPhase({ failure: error instanceof Error ? error.message : String(error) });
    }
  };
  const failure = props.loadError ?? (typeof phase === 'object' ? phase.failure : undefined);
  const { invoice } = props;
  return (
    <div className="sheet-backdrop">
      <div className="sheet" role="dialog" aria-label={strings.payment.title} data-testid="payment-sheet">
        <button
          type="button"
          className="sheet-close flat"
          title={strings.dialog.close}
          data-testid="payment-cancel"
          disabled={phase === 'paying'}
          onClick={() => props.onClose(failure ? 'failed' : 'cancelled')}
        >
          <CloseIcon />
        </button>
        {invoice ? (
          <>
            <div className="sheet-title">{invoice.title}</div>
            <div className="sheet-text">{invoice.description}</div>
            <div className="sheet-from">{strings.payment.from(invoice.botTitle)}</div>
            <div className="sheet-price">
              <Price amount={invoice.total_amount} currency={invoice.currency} size={26} />
            </div>
          </>
        ) : !failure ? (
          <div className="sheet-text">{strings.payment.loading}</div>
        ) : null}
        {failure ? (
          <>
            <div className="sheet-failure" data-testid="payment-failure">
              {failure}
            </div>
            <button type="button" data-testid="payment-close" onClick={() => props.onClose('failed')}>
              {strings.dialog.close}
            </button>
          </>
        ) : invoice ? (
          <div className="sheet-actions">
            <button
              type="button"
              data-testid="payment-confirm"
              disabled={phase === 'paying'}
              onClick={() => void pay('pay')}
            >
              {phase === 'paying' ? (
                strings.payment.processing
              ) : (
                <Parts
                  parts={strings.payment.pay(
                    <Price amount={invoice.total_amount} currency={invoice.currency} />,
                  )}
                />
              )}
            </button>
            <button
              type="button"
              className="flat danger"
              data-testid="payment-decline"
              disabled={phase === 'paying'}
              onClick={() => void pay('decline_card')}
            >
              {/* The sandbox's control for a failed payment, not Telegram's: it stays in English. */}
              Decline card
            </button>
          </div>
        ) : null}
      </div>
    </div>
  );
}
