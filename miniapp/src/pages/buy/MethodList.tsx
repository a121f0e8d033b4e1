import { formatMoney } from '#core/money/format-money.ts';
import type { TCatalogProduct, TProvider } from '../../../../server/contracts/catalog.ts';
import { useLanguage, useT } from '../../i18n.ts';
import { useRouter } from '../../router.tsx';
import { openBuyShelf } from './asked-shelf.ts';
import { WalletTile } from './WalletTile.tsx';
import { TOPUP_SHELF } from './wallet-offer.ts';

export function MethodList({
  product,
  onPay,
  onPayFromWallet,
  onTopUp,
}: {
  product: TCatalogProduct;
  onPay: (provider: TProvider) => void;
  /** Offers the wallet (its balance permitting) when given. */
  onPayFromWallet?: () => void;
  /** Where "short — top up" leads; by default the buy page's top-up shelf. */
  onTopUp?: () => void;
}) {
  const t = useT();
  const language = useLanguage();
  const { navigate } = useRouter();
  return (
    <>
      <p className="buy__product" data-testid="buy-chosen-product">
        {t(product.titleKey)}
      </p>
      <p className="page__subtitle">{t('miniapp-buy-choose-method')}</p>
      <ul className="tiles">
        {onPayFromWallet && (
          <WalletTile
            product={product}
            onPay={onPayFromWallet}
            onTopUp={onTopUp ?? (() => openBuyShelf(navigate, TOPUP_SHELF))}
          />
        )}
        {product.prices.map((price) => (
          <li key={price.provider}>
            <button
              type="button"
              className="tile"
              onClick={() => onPay(price.provider)}
              data-testid={`buy-method-${price.provider}`}
            >
              <span className="tile__text">
                <span className="tile__title">{t(`miniapp-buy-method-${price.provider}`)}</span>
              </span>
              <span className="tile__price">
                {price.fullAmount !== undefined && (
                  <s className="tile__price-full" data-testid={`buy-full-price-${price.provider}`}>
                    {formatMoney(price.fullAmount, price.currency, language)}
                  </s>
                )}
                {formatMoney(price.amount, price.currency, language)}
              </span>
            </button>
          </li>
        ))}
      </ul>
    </>
  );
}
