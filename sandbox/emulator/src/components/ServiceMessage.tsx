import type { ChatMessage } from '../../../telegram/types.ts';
import { Parts, useClientStrings } from '../client-strings-context.tsx';
import { Price } from './Price.tsx';

/** Telegram's centred service lines for payments and refunds. */
export function ServiceMessage({ message, botTitle }: { message: ChatMessage; botTitle: string }) {
  const paid = message.successful_payment;
  const refunded = message.refunded_payment;
  const { payment } = useClientStrings();
  return (
    <div className="service-message" data-testid={paid ? 'payment-message' : 'refund-message'}>
      {paid ? (
        <span>
          <Parts
            parts={payment.transferred(
              <Price amount={paid.total_amount} currency={paid.currency} />,
              botTitle,
            )}
          />
        </span>
      ) : refunded ? (
        <span>
          <Parts
            parts={payment.refunded(
              botTitle,
              <Price amount={refunded.total_amount} currency={refunded.currency} />,
            )}
          />
        </span>
      ) : null}
    </div>
  );
}
