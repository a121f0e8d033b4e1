import { findProduct } from '#core/catalog/products.ts';
import type { TLang } from '#core/i18n/translator.ts';
import { formatMoney, formatTokens } from '#core/money/format-money.ts';
import type { TPromoRefusal, TPromoTerms } from './promo-rules.ts';

/** Fluent keys of each refusal reason, shared by the bot and the Mini App API. */
export const PROMO_REFUSAL_KEYS: Record<TPromoRefusal, string> = {
  not_found: 'promo-refused-not-found',
  disabled: 'promo-refused-disabled',
  expired: 'promo-refused-expired',
  exhausted: 'promo-refused-exhausted',
  already_used: 'promo-refused-already-used',
  first_purchase_only: 'promo-refused-first-purchase-only',
};

type TTranslate = (key: string, args?: Record<string, string>) => string;

/** What a code gives, in the reader's words: "5,000 tokens", "50% off", "100 ₽ off". */
export function describePromoTerms(t: TTranslate, terms: TPromoTerms, lang: TLang): string {
  switch (terms.kind) {
    case 'bonus_tokens':
      return t('promo-terms-bonus', { tokens: formatTokens(terms.bonusTokens ?? 0n, lang) });
    case 'percent_discount':
      return t('promo-terms-percent', { percent: String(terms.percentOff ?? 0) });
    case 'fixed_discount':
      return t('promo-terms-fixed', {
        amount: terms.currency ? formatMoney(terms.amountOff ?? 0n, terms.currency, lang) : '?',
      });
  }
}

/** The product a discount is limited to, or "any purchase". */
export function describePromoScope(t: TTranslate, terms: TPromoTerms): string {
  const product = terms.productId ? findProduct(terms.productId) : undefined;
  return product ? t(product.titleKey) : t('promo-scope-any');
}
