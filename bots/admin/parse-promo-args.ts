import { z } from 'zod';
import { parseMajorUnits } from '#bots/shared/parse-major-units.ts';
import type { TNewPromoCode } from '#core/referrals/create-promo-code.ts';

const DAY_MS = 86_400_000;
const ZCurrencySchema = z.enum(['RUB', 'USD', 'XTR', 'USDT']);
const positiveInt = (s: string | undefined) => (s && /^\d{1,9}$/.test(s) && Number(s) > 0 ? Number(s) : null);

/**
 * `/promo_new` as an admin types it:
 *   CODE bonus 5000 · CODE percent 50 · CODE fixed 100 RUB
 * then any of: max=N, per_user=N, days=N, first, product=<id>. Amounts of fixed codes are in major units.
 * Anything unrecognised makes the whole line invalid rather than silently ignored.
 */
export function parsePromoArgs(text: string, now = new Date()): TNewPromoCode | null {
  const words = text.trim().split(/\s+/);
  const [code, kind, value] = words;
  if (!code || !kind || !value) return null;
  let promo: TNewPromoCode;
  let rest: string[];
  switch (kind.toLowerCase()) {
    case 'bonus': {
      if (!/^\d{1,12}$/.test(value) || BigInt(value) <= 0n) return null;
      promo = { code, kind: 'bonus_tokens', bonusTokens: BigInt(value) };
      rest = words.slice(3);
      break;
    }
    case 'percent': {
      const percent = positiveInt(value.replace(/%$/, ''));
      if (percent === null || percent > 100) return null;
      promo = { code, kind: 'percent_discount', percentOff: percent };
      rest = words.slice(3);
      break;
    }
    case 'fixed': {
      const currency = ZCurrencySchema.safeParse(words[3]?.toUpperCase());
      const amount = currency.success ? parseMajorUnits(value, currency.data) : null;
      if (!currency.success || amount === null) return null;
      promo = { code, kind: 'fixed_discount', amountOff: amount, currency: currency.data };
      rest = words.slice(4);
      break;
    }
    default:
      return null;
  }
  for (const option of rest) {
    const [name, arg] = option.toLowerCase().split('=', 2);
    if (name === 'first' && arg === undefined) promo.firstPurchaseOnly = true;
    else if (name === 'max' && positiveInt(arg) !== null) promo.maxRedemptions = positiveInt(arg);
    else if (name === 'per_user' && positiveInt(arg) !== null) promo.perUserLimit = positiveInt(arg) ?? 1;
    else if (name === 'days' && positiveInt(arg) !== null)
      promo.expiresAt = new Date(now.getTime() + (positiveInt(arg) ?? 0) * DAY_MS);
    else if (name === 'product' && arg && /^[a-z0-9-]{1,40}$/.test(arg)) promo.productId = arg;
    else return null;
  }
  return promo;
}
