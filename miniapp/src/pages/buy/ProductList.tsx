import { formatMoney } from '#core/money/format-money.ts';
import type { TCatalogProduct } from '../../../../server/contracts/catalog.ts';
import { useLanguage, useT } from '../../i18n.ts';

/** Each product with every price it can be paid in: "100 ⭐ · 149 ₽". */
export function ProductList({
  products,
  onChoose,
}: {
  products: readonly TCatalogProduct[];
  onChoose: (productId: string) => void;
}) {
  const t = useT();
  const language = useLanguage();
  return (
    <>
      <p className="page__subtitle">{t('miniapp-buy-choose-product')}</p>
      <ul className="tiles">
        {products.map((product) => (
          <li key={product.id}>
            <button
              type="button"
              className="tile"
              onClick={() => onChoose(product.id)}
              data-testid={`buy-product-${product.id}`}
            >
              <span className="tile__text">
                <span className="tile__title">{t(product.titleKey)}</span>
                <span className="tile__hint">
                  {/* Card and crypto often share the rouble price: each price once. */}
                  {[...new Set(product.prices.map((p) => formatMoney(p.amount, p.currency, language)))].join(
                    ' · ',
                  )}
                </span>
              </span>
              <span className="tile__chevron" aria-hidden="true">
                ›
              </span>
            </button>
          </li>
        ))}
      </ul>
    </>
  );
}
