import type { Invoice } from '../../../telegram/types.ts';
import { Parts, useClientStrings } from '../client-strings-context.tsx';
import { Price } from './Price.tsx';

/** An invoice message as Telegram draws it: title, description, price and the Pay button (a receipt once paid). */
export function InvoiceCard(props: {
  invoice: Invoice;
  paid: boolean;
  payLabel?: string;
  onPay: () => void;
}) {
  const { invoice } = props;
  const strings = useClientStrings();
  return (
    <div className="invoice" data-testid="invoice">
      <div className="invoice-title">{invoice.title}</div>
      <div className="invoice-description">{invoice.description}</div>
      <div className="invoice-price">
        <span className="invoice-amount">
          <Price amount={invoice.total_amount} currency={invoice.currency} size={20} />
        </span>
        <span className="invoice-kind">
          {invoice.currency === 'XTR' ? strings.invoice.stars : strings.invoice.other}
        </span>
      </div>
      {props.paid ? (
        <div className="invoice-paid" data-testid="invoice-paid">
          {strings.invoice.paid}
        </div>
      ) : (
        <button type="button" className="invoice-pay" data-testid="invoice-pay" onClick={props.onPay}>
          {props.payLabel ?? (
            <Parts
              parts={strings.invoice.pay(<Price amount={invoice.total_amount} currency={invoice.currency} />)}
            />
          )}
        </button>
      )}
    </div>
  );
}
