import { findProduct } from '../../core/catalog/products.ts';
import type { TLang } from '../../core/i18n/translator.ts';
import { formatMoney, formatTokens } from '../../core/ledger/format-money.ts';
import type { TPromoTerms } from '../../core/referrals/promo-rules.ts';

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
