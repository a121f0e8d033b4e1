import { formatPrice } from '../chat/format.ts';
import { StarIcon } from './icons.tsx';

/** An amount as Telegram shows it: Stars with the star mark, other currencies formatted. */
export function Price({ amount, currency, size }: { amount: number; currency: string; size?: number }) {
  if (currency !== 'XTR') return <span className="price">{formatPrice(amount, currency)}</span>;
  return (
    <span className="price">
      <StarIcon size={size} />
      {amount}
    </span>
  );
}
