import { z } from 'zod';
import { parseRate } from '#core/payouts/payout-rate.ts';

const ZArgsSchema = z.object({
  asset: z.enum(['RUB', 'USD', 'XTR', 'USDT']),
  currency: z.enum(['RUB', 'USDT', 'BTC']),
});

export type TPayoutRateArgs = z.infer<typeof ZArgsSchema> & { rate: bigint | null };

/** `/payout_rate XTR RUB 1.3` (or `off` to withdraw the rate): null when any part is not one of these. */
export function parsePayoutRateArgs(text: string): TPayoutRateArgs | null {
  const [asset, currency, value, ...rest] = text.trim().split(/\s+/);
  if (!value || rest.length > 0) return null;
  const parsed = ZArgsSchema.safeParse({ asset: asset?.toUpperCase(), currency: currency?.toUpperCase() });
  if (!parsed.success) return null;
  if (value.toLowerCase() === 'off') return { ...parsed.data, rate: null };
  const rate = parseRate(value);
  return rate === null ? null : { ...parsed.data, rate };
}
