import { formatPrice } from '../chat/format.ts';
import { useClientStrings } from '../client-strings-context.tsx';
import { StarIcon } from './icons.tsx';

/** An amount as Telegram shows it: Stars with the star mark, other currencies formatted. */
export function Price({ amount, currency, size }: { amount: number; currency: string; size?: number }) {
  const { locale } = useClientStrings();
  if (currency !== 'XTR') return <span className="price">{formatPrice(amount, currency, locale)}</span>;
  return (
    <span className="price">
      <StarIcon size={size} />
      {amount}
    </span>
  );
}
