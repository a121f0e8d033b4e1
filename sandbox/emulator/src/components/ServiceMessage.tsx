import type { ChatMessage } from '../../../telegram/types.ts';
import { Price } from './Price.tsx';

/** Telegram's centred service lines for payments and refunds. */
export function ServiceMessage({ message, botTitle }: { message: ChatMessage; botTitle: string }) {
  const paid = message.successful_payment;
  const refunded = message.refunded_payment;
  return (
    <div className="service-message" data-testid={paid ? 'payment-message' : 'refund-message'}>
      {paid ? (
        <span>
          You successfully transferred <Price amount={paid.total_amount} currency={paid.currency} /> to{' '}
          {botTitle}
        </span>
      ) : refunded ? (
        <span>
          {botTitle} refunded <Price amount={refunded.total_amount} currency={refunded.currency} />
        </span>
      ) : null}
    </div>
  );
}
